"""
A first comparison: one MW in orbit against one MW on the ground
=================================================================

Run the bundled baseline scenario (GB200-class racks in a 650 km dawn-dusk orbit against a grid-powered
data center) and draw both sides' levelized cost of compute by line item.
"""

import matplotlib.pyplot as plt

from orbital import model
from orbital.scenario import load_scenario

result = model.run(load_scenario("baseline"))
print(f"cost ratio (orbital / terrestrial LCOC): {result.cost_ratio:.3g}")
print(f"orbital LCOC {result.orbital.lcoc_usd_per_mwh:,.0f} USD/MWh, "
      f"terrestrial {result.terrestrial.lcoc_usd_per_mwh:,.0f} USD/MWh")

orbital_items = result.orbital.capex_breakdown_usd_per_w
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.barh(list(orbital_items), list(orbital_items.values()), color="#0072B2")
ax.set_xlabel("Orbital capex [USD/W of IT load]")
ax.set_title("Where the orbital side's capital goes (baseline)")
fig.tight_layout()
