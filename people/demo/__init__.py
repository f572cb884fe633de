"""A small fictional county for the local run and the browser tests: Järvilaakso
wellbeing services county with 3 service sectors, 6 service areas, 12 units and 61
people. Every name here is made up."""
