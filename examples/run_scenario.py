"""Load a bundled scenario, change one assumption, run both sides, and print what changed.

Run from anywhere: ``python examples/run_scenario.py``.
"""

from orbital import model
from orbital.scenario import load_scenario

baseline = load_scenario("baseline")  # a bundled scenario by name, or a path to a TOML file
cheap_launch = baseline.replace(launch__price_per_kg="100 USD/kg")  # values with units, as in a file

for scenario in (baseline, cheap_launch):
    result = model.run(scenario)
    o, t = result.orbital, result.terrestrial
    print(
        f"{scenario.launch.vehicle} at ${result.physics['price_per_kg_reference']:,.0f}/kg: "
        f"orbit {o.lcoc_usd_per_mwh:,.0f} vs ground {t.lcoc_usd_per_mwh:,.0f} USD/MWh "
        f"(ratio {result.cost_ratio:.2f}; orbit {o.mass_kg_per_kw:.0f} kg/kW, goodput {o.goodput:.3f})"
    )
