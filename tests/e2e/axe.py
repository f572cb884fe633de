"""axe-core in the page: fail on serious or critical violations, print the rest."""

BLOCKING_IMPACTS = ("serious", "critical")


def assert_no_serious_axe_violations(page, what: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
    lesser = [v for v in violations if v.get("impact") not in BLOCKING_IMPACTS]
    if lesser:
        # Not failing, but visible with -rA / -s.
        print(f"axe, {what}: " + ", ".join(f"{v['id']} ({v['impact']})" for v in lesser))
    report = []
    for violation in blocking:
        report.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            report.append(f"    {node['target']}: {node.get('failureSummary', '').strip()}")
    assert not blocking, f"axe found serious or critical violations on {what}:\n" + "\n".join(
        report
    )
