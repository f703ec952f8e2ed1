"""One satellite's budgets through the same functions the commands call, and a figure of them.

Each physics command of the CLI is one function returning a typed result: ``print(result)`` is
the command's table, ``result.to_dict()`` its ``--json``, and the fields hold the model's own
objects in SI. Run from anywhere: ``python examples/satellite_budgets.py`` (writes
``satellite_budgets.png`` in the working directory).
"""

from matplotlib.figure import Figure

from orbital import Orbit, downlink, model, plots, radiation, solar, spacecraft, thermal
from orbital.scenario import load_scenario

orbit = Orbit.sun_synchronous(650e3, 18.0, "2026-01-01")  # Suncatcher's dawn-dusk orbit, SI in Python

power = solar.solar_report(orbit, it_power=1e6, days=60)
heat = thermal.thermal_report(orbit, heat=1e6, junction_limit=358.15, days=60)  # 85 C junction
dose = radiation.radiation_summary(orbit, chips=4096, shielding=10e-3)
link = downlink.link_summary(orbit, "optical", days=5)
sat = spacecraft.design_and_launch(orbit, 110e3, "starship-reuse", chassis_removed=True)

print(
    f"array {power.to_dict()['array_area_m2_per_mw']:,.0f} m2/MW, ground ratio {power.to_dict()['ground_ratio']:.2f}x"
)
print(f"radiator at {heat.design.radiator_temperature:.0f} K: {heat.design.area:,.0f} m2 per MW")
print(f"dose {dose.dose_per_year:.0f} rad(Si)/yr behind 10 mm Al, cluster goodput {dose.goodput:.3f}")
print(f"optical link {link.daily_volume / 1e12:.2f} TB/day, capacity/demand {link.capacity_to_demand:.2g}")
print(sat)  # the table `orbital launch --it-power 110 --vehicle starship-reuse --chassis-removed` prints

# Two figures side by side in one figure of your own, titles left to you.
scenario = load_scenario("baseline")
result = model.run(scenario)  # run once, drawn twice
fig = Figure(figsize=(12, 4.5), layout="constrained")
left, right = fig.subplots(1, 2)
plots.mass_budget(scenario, result, ax=left, title=False)
plots.cost_per_mw(scenario, result, ax=right, title=False)
fig.suptitle("Baseline: mass per kW and cost per MW")
fig.savefig("satellite_budgets.png", dpi=120)
print("wrote satellite_budgets.png")
