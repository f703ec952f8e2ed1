"""Compute hardware: the servers a data center in orbit or on the ground is built from.

A dated catalog (``orbital/data/servers.toml``), each entry with its mass, power,
accelerators, dense BF16 throughput, price, chassis share, sources and a status
(published / secondary / assumed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogs import load, lookup

__all__ = ["Server", "server", "server_names"]


@dataclass(frozen=True)
class Server:
    """A unit of compute hardware as sold for the ground: mass [kg], power [W], accelerators, dense BF16
    PFLOPS per accelerator, price [USD], chassis share [-]."""

    name: str
    description: str
    mass: float
    power: float
    accelerators: int
    pflops_per_accelerator: float
    price: float
    chassis_fraction: float
    status: str
    sources: tuple = field(default=(), compare=False)

    def specific_mass(self, chassis_removed=False) -> float:
        """Mass per watt of IT power [kg W⁻¹], without the terrestrial chassis if asked."""
        keep = 1.0 - self.chassis_fraction if chassis_removed else 1.0
        return self.mass * keep / self.power


def _servers():
    return load("servers.toml")


def server_names() -> list[str]:
    """Names in the compute-hardware catalog."""
    return sorted(_servers())


def server(name="gb200-nvl72") -> Server:
    """The compute-hardware entry ``name`` (raises, listing the known ones, if unknown)."""
    e = lookup("server", name, _servers())
    return Server(
        name,
        e["description"],
        e["mass_kg"],
        e["power_kw"] * 1e3,
        e["accelerators"],
        e["pflops_per_accelerator"],
        e["price_usd"],
        e["chassis_fraction"],
        e["status"],
        tuple(e["sources"]),
    )
