"""How the orbital cost of compute falls with the launch price, and where it would meet the ground.

Each run reuses the orbit physics cached on disk by the first, so the sweep costs milliseconds a point.
Run from anywhere: ``python examples/launch_price_sweep.py``.
"""

from orbital import model
from orbital.scenario import load_scenario

scenario = load_scenario("baseline").replace(
    terrestrial__electricity_price="0.25 USD/kWh",  # the top of Suncatcher's terrestrial range
    launch__bus_cost="300 USD/kg",  # a mass-produced bus instead of the default $1,000/kg
)
for price in (2000, 1000, 500, 200, 100, 50):
    result = model.run(scenario.replace(launch__price_per_kg=f"{price} USD/kg"))
    print(f"${price:>5}/kg: orbit/ground cost of compute = {result.cost_ratio:.2f}")
be = model.run(scenario).break_even_launch_price_usd_per_kg
print("break-even launch price:", "none" if be is None else f"${be:,.0f}/kg")
