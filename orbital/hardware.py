"""Compute hardware: the systems a data center in orbit or on the ground is built from.

A dated catalog (``orbital/data/servers.toml``, extendable with a user catalog: see
:mod:`orbital.catalogs`), each entry with its accelerators and their radiation-catalog name, power
(maximum and typical), mass and chassis share, price, dense BF16/FP8 throughput, HBM, scale-up domain,
junction limit, sources and a status (published / secondary / assumed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogs import load, lookup

__all__ = ["Server", "server", "server_names"]


@dataclass(frozen=True)
class Server:
    """A unit of compute hardware as sold for the ground.

    ``power`` is the maximum (nameplate/TDP) draw the power and thermal systems are sized for [W];
    ``typical_power`` the draw under an AI workload [W]; ``mass`` [kg]; ``price`` [USD];
    ``pflops_per_accelerator`` dense BF16 and ``pflops_fp8_per_accelerator`` dense FP8 [PFLOPS];
    ``hbm_gb`` per accelerator; ``domain`` accelerators in one scale-up domain; ``junction_limit``
    the highest operating temperature before the vendor throttles [K]; ``accelerator`` the
    :func:`orbital.radiation.accelerator` entry of its chips.
    """

    name: str
    description: str
    mass: float
    power: float
    accelerators: int
    pflops_per_accelerator: float
    price: float
    chassis_fraction: float
    status: str
    accelerator: str = "b200-class"
    typical_power: float = 0.0
    pflops_fp8_per_accelerator: float = 0.0
    hbm_gb: float = 0.0
    domain: int = 1
    junction_limit: float = 360.15
    sources: tuple = field(default=(), compare=False)

    def specific_mass(self, chassis_removed=False) -> float:
        """Mass per watt of IT power [kg W⁻¹], without the terrestrial chassis if asked."""
        keep = 1.0 - self.chassis_fraction if chassis_removed else 1.0
        return self.mass * keep / self.power

    @property
    def accelerators_per_watt(self) -> float:
        """Accelerators per watt of (maximum) IT power [W⁻¹]."""
        return self.accelerators / self.power


def _servers():
    return load("servers.toml")


def server_names() -> list[str]:
    """Names in the compute-hardware catalog (with any user catalog in effect)."""
    return sorted(_servers())


def server(name="gb200-nvl72") -> Server:
    """The compute-hardware entry ``name`` (raises, listing the known ones, if unknown)."""
    e = lookup("server", name, _servers())
    return Server(
        name=name,
        description=e["description"],
        mass=float(e["mass_kg"]),
        power=e["power_kw"] * 1e3,
        accelerators=int(e["accelerators"]),
        pflops_per_accelerator=float(e["pflops_bf16"]),
        price=float(e["price_usd"]),
        chassis_fraction=float(e["chassis_fraction"]),
        status=e.get("status", "assumed"),
        accelerator=e["accelerator"],
        typical_power=e["typical_power_kw"] * 1e3,
        pflops_fp8_per_accelerator=float(e["pflops_fp8"]),
        hbm_gb=float(e["hbm_gb"]),
        domain=int(e["domain"]),
        junction_limit=float(e["junction_limit_c"]) + 273.15,
        sources=tuple(e["sources"]),
    )


def fleet(compute) -> dict:
    """A scenario's ``[compute]`` systems and their IT-power shares (one server: ``{server: 1.0}``)."""
    return dict(compute["systems"] or {compute["server"]: 1.0})


def fleet_price_per_watt(compute) -> float:
    """The fleet's catalog price per watt of IT power [USD W⁻¹] (share-weighted over its systems)."""
    return sum(share * server(name).price / server(name).power for name, share in fleet(compute).items())


def fleet_accelerator(compute) -> str:
    """The radiation-catalog chip of a fleet: the one declared, else its largest system's own."""
    systems = fleet(compute)
    return compute["accelerator"] or server(max(systems, key=systems.get)).accelerator


def fleet_label(compute) -> str:
    """``gb200-nvl72`` or ``hgx-h100 68%, hgx-h200 23%, gb200-nvl72 9%`` (IT-power shares)."""
    systems = fleet(compute)
    if len(systems) == 1:
        return next(iter(systems))
    return ", ".join(f"{name} {share:.0%}" for name, share in systems.items())
