"""orbital: does AI compute belong in orbit? Physics of a megawatt in space against one on the ground.

Modules
-------
orbital.orbits
    Orbit geometry, SGP4 propagation, sun ephemeris, eclipses, J2 drift, drag.
orbital.units
    Parsing of values with units at the package's edge.
orbital.errors
    The package's exception and warning classes.
"""

from ._version import __version__
from .errors import OrbitalInputError, OrbitalWarning
from .orbits import Orbit
from .units import as_float, as_time

__all__ = ["Orbit", "OrbitalInputError", "OrbitalWarning", "__version__", "as_float", "as_time"]
