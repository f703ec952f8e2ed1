"""
A trade study: the cost ratio over launch price and bus cost
============================================================

A sweep evaluates every design point on the orbit's cached physics in one vectorized call; here 30 x 30
points of launch price per kg and spacecraft bus cost per kg around the baseline.
"""

import matplotlib.pyplot as plt
import numpy as np

from orbital import sweep
from orbital.scenario import load_scenario

sc = load_scenario("baseline")
price, bus = np.meshgrid(np.geomspace(20, 2000, 30), np.geomspace(100, 3000, 30))
table = {"launch.price_per_kg": price.ravel(), "launch.bus_cost": bus.ravel()}
ratio = sweep.run_table(sc, table).outputs["cost_ratio"].reshape(price.shape)
print(f"cost ratio from {ratio.min():.2f} to {ratio.max():.2f} over the grid")

fig, ax = plt.subplots(figsize=(6.5, 4.5))
levels = [2, 3, 5, 8, 12, 20, 30]
contour = ax.contour(price, bus, ratio, levels=levels, colors="k", linewidths=0.8)
ax.clabel(contour, fmt="%g", fontsize=8)
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("Launch price to the reference orbit [USD/kg]")
ax.set_ylabel("Spacecraft bus cost [USD/kg]")
ax.set_title("Cost ratio (orbital / terrestrial LCOC), baseline")
fig.tight_layout()
