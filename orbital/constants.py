"""Physical constants used by the kernels, in SI units, each with its source."""

#: Earth's gravitational parameter GM [m³ s⁻²]. WGS 84 (NGA.STND.0036, 2014),
#: identical to IERS Conventions 2010 Table 1.1.
GM_EARTH = 3.986004418e14

#: Earth's equatorial radius [m]. WGS 84 (NGA.STND.0036, 2014).
R_EARTH = 6378137.0

#: Earth's flattening. WGS 84 (NGA.STND.0036, 2014).
FLATTENING_EARTH = 1.0 / 298.257223563

#: Second zonal harmonic J2 (unnormalized). EGM2008 (Pavlis et al., JGR 117,
#: B04406, 2012): C̄20 = -4.84165143790815e-4, J2 = -√5·C̄20.
J2 = 1.08262668e-3

#: Earth's rotation rate [rad s⁻¹]. WGS 84 (NGA.STND.0036, 2014).
OMEGA_EARTH = 7.292115e-5

#: Astronomical unit [m]. IAU 2012 Resolution B2.
AU = 1.495978707e11

#: Nominal solar radius [m]. IAU 2015 Resolution B3.
R_SUN = 6.957e8

#: Tropical year [day]: the period a sun-synchronous node must match, so that it
#: keeps its angle to the mean sun. Meeus, Astronomical Algorithms (2nd ed.,
#: 1998), ch. 12 / Explanatory Supplement to the Astronomical Almanac (1992).
TROPICAL_YEAR_DAYS = 365.2421897

#: Seconds per day and per Julian year (IAU).
DAY = 86400.0
JULIAN_YEAR = 365.25 * DAY

#: Julian date of J2000.0 (2000-01-01T12:00 TT).
JD_J2000 = 2451545.0

#: Stefan-Boltzmann constant [W m⁻² K⁻⁴]. CODATA 2018 (exact in the 2019 SI).
STEFAN_BOLTZMANN = 5.670374419e-8

#: Standard gravity, for specific impulse [m s⁻²] (3rd CGPM, 1901).
STANDARD_GRAVITY = 9.80665
