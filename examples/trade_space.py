"""A trade space, its uncertainty and its most sensitive assumptions, from Python.

The orbit physics is computed once and cached; the 40,000 design points and 20,000 Monte Carlo
samples are each one vectorized call of the composer. Run from anywhere:
``python examples/trade_space.py``.
"""

from orbital import sweep, uncertainty
from orbital.scenario import load_scenario

sc = load_scenario("uncertainty")  # the baseline with an [uncertainty] section

# 200 launch prices x 200 spacecraft build costs: where does the orbit meet the ground?
axes = [sweep.parse_axis("launch.price_per_kg=5:2000:log200"), sweep.parse_axis("launch.bus_cost=20:2000:log200")]
grid = sweep.sweep(sc, axes, workers=0)
print(grid)  # the summary `orbital sweep` prints
frame = grid.to_frame()  # one row per design point, columns "name [unit]"
cheaper = frame[frame["orbital_cheaper"]]
if len(cheaper):
    print(
        f"  orbit cheaper only with launch <= {cheaper['launch.price_per_kg [USD/kg]'].max():,.0f} USD/kg "
        f"and a bus <= {cheaper['launch.bus_cost [USD/kg]'].max():,.0f} USD/kg"
    )

mc = uncertainty.monte_carlo(sc, 20_000, seed=1, workers=0)
p = mc.percentiles["cost_ratio"]
print(
    f"cost ratio P10/P50/P90: {p[10]:.2f} / {p[50]:.2f} / {p[90]:.2f}; "
    f"P(orbit cheaper) = {mc.probability_orbital_cheaper:.2%}"
)

si = uncertainty.sensitivity(sc, "cost_ratio").indices
for name, total, conf in sorted(zip(si.names, si.total, si.total_conf, strict=True), key=lambda x: -x[1])[:3]:
    print(f"  total-order Sobol' index of {name}: {total:.2f} ± {conf:.2f}")
