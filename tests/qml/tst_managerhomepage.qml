import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The manager's home: a month's report (as the server's JSON) shown as figures, the triage and
// decline bars, the RADAR spider chart and the take-up lines, with the under-represented flagged.
TestCase {
    id: root

    name: "ManagerHomePage"
    width: 390
    height: 844
    visible: true
    when: windowShown

    Component {
        id: pageComponent
        ManagerHomePage { width: 390; height: 844 }
    }

    readonly property var march: ({
        "month": "2025-03",
        "triages": { "total": 5, "accepted": 3, "declined": 1, "declined_to_sign": 1 },
        "decline_reasons": { "not_interested": 1, "other": 1, "not_eligible": 0 },
        "open_cases_by_stream": { "befriending": 1, "casework": 1 },
        "contacts": { "total": 5 },
        "held_contacts": 1,
        "safeguarding_reports": 2,
        "overdue_contacts": { "total": 1 },
        "matches": { "started": 2 },
        "play_sessions": { "children_reached": 2 },
        "radar_change": { "family_relationships": -2.5, "parenting_and_children": -1, "partner_relationship": -0.5,
                          "communication": -1, "emotional_wellbeing": -2, "practical_needs": -1 },
        "radar": { "cases": 2,
                   "start": { "family_relationships": 4.5, "parenting_and_children": 3.5, "partner_relationship": 4,
                              "communication": 2.5, "emotional_wellbeing": 4.5, "practical_needs": 2.5 },
                   "exit": { "family_relationships": 2, "parenting_and_children": 2.5, "partner_relationship": 3.5,
                             "communication": 1.5, "emotional_wellbeing": 2.5, "practical_needs": 1.5 } },
        "take_up_by_ethnicity": [
            { "ethnicity": "White British", "triaged": 2, "accepted": 1, "take_up_pct": 33.3, "population_pct": 60, "under_represented": true },
            { "ethnicity": "Asian British", "triaged": 1, "accepted": 1, "take_up_pct": 33.3, "population_pct": 15, "under_represented": false }
        ]
    })

    function findByName(item, name) {
        if (!item)
            return null
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByName(item.children[i], name)
            if (found)
                return found
        }
        if (item.contentItem && item.contentItem !== item)
            return findByName(item.contentItem, name)
        return null
    }

    function figure(page, label) {
        for (const item of page.controller.figures)
            if (item.label === label)
                return item.value
        return undefined
    }

    function test_showsTheMonthsFiguresAndCharts() {
        const page = createTemporaryObject(pageComponent, root)
        page.controller.showReport(march)
        waitForRendering(page)
        verify(page.controller.loaded)
        compare(figure(page, "Triages"), "5")
        compare(figure(page, "Held contacts"), "1")
        compare(figure(page, "Safeguarding reports"), "2")
        compare(page.controller.triageOutcomes.length, 3)
        compare(page.controller.declineReasons.length, 3)
        compare(findByName(page, "radarChart").domains.length, 6)
        compare(page.controller.radarCases, 2)
        const flagged = page.controller.takeUp.filter(row => row.flagged)
        compare(flagged.length, 1)
        compare(flagged[0].ethnicity, "White British")
    }

    function test_suppressedCountsShowAsText() {
        const page = createTemporaryObject(pageComponent, root)
        const shared = JSON.parse(JSON.stringify(march))
        shared.triages.accepted = "<5"
        page.controller.showReport(shared)
        compare(figure(page, "Accepted"), "<5")
    }

    function test_monthPicker() {
        const page = createTemporaryObject(pageComponent, root)
        page.controller.month = "2025-03"
        compare(page.controller.month, "2025-03")
        page.controller.previousMonth()
        compare(page.controller.month, "2025-02")
        page.controller.nextMonth()
        page.controller.nextMonth()
        compare(page.controller.month, "2025-04")
        page.controller.month = "2025-13"
        compare(page.controller.month, "2025-04")
        verify(findByName(page, "monthLabel").text.length > 0)
    }
}
