import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The release timeline page of a mentoring case, on a fixed day: the headline with the release
// day, each step with its state (the prison meeting due ten days before release, the gate meeting
// planned), a late referral said in words; for intensive mentoring the rota, its missed day in the
// evening and the weekday nobody holds.
TestCase {
    id: root

    name: "ReleaseTimelinePage"
    width: 390
    height: 844
    visible: true
    when: windowShown

    readonly property string me: "a0000000000000000000000000000077"
    readonly property string ruth: "a0000000000000000000000000000078"
    readonly property string daniel: "b0000000000000000000000000000077"
    readonly property string caseId: "c0000000000000000000000000000077"

    Component {
        id: pageComponent
        ReleaseTimelinePage { width: 390; height: 844 }
    }

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

    function initTestCase() {
        Fixture.beUser(root.me, ["mentor"])
        Fixture.pull("person", root.daniel, { kind: "prisoner", given_name: "Daniel" })
        Fixture.pull("case", root.caseId, { person_id: root.daniel, stream: "mentoring", status: "open",
                                            practitioner_id: "a0000000000000000000000000000099",
                                            release_date: "2025-06-02" })
        Fixture.pull("match", "d0000000000000000000000000000077",
                     { case_id: root.caseId, volunteer: root.me, person_id: root.daniel, status: "active",
                       started_at: "2025-04-10", call_days: ["monday", "tuesday", "wednesday"],
                       weekly_meeting: true })
        Fixture.pull("mentoring_referral", "e0000000000000000000000000000077",
                     { case_id: root.caseId, referred_on: "2025-05-01" })
    }

    function stepChip(page, what) {
        const step = findByName(page, "step_" + what)
        verify(step, "a step " + what)
        return findByName(step, "stepState")
    }

    function test_tenDaysBeforeRelease() {
        const page = createTemporaryObject(pageComponent, root, { caseId: root.caseId, today: "2025-05-23" })
        waitForRendering(page)
        compare(page.title, "Daniel: release")
        compare(findByName(page, "headline").text, "Release on Monday 2025-06-02, in 10 days")
        compare(stepChip(page, "pre_release_meeting").text, "Due")
        compare(stepChip(page, "gate_meeting").text, "Planned")
        compare(stepChip(page, "mentoring_referral").text, "Done")
        const referral = findByName(page, "step_mentoring_referral")
        verify(referral.Accessible.name.indexOf("late") >= 0, referral.Accessible.name)
        verify(!findByName(page, "rota").visible, "no rota without intensive mentoring")
    }

    function test_theDayMovesTheSteps() {
        const page = createTemporaryObject(pageComponent, root, { caseId: root.caseId, today: "2025-06-02" })
        waitForRendering(page)
        compare(stepChip(page, "gate_meeting").text, "Due")
        compare(stepChip(page, "pre_release_meeting").text, "Overdue")
        page.today = "2025-06-03"
        compare(stepChip(page, "gate_meeting").text, "Overdue")
    }

    function test_noReleaseDateYet() {
        Fixture.pull("case", "c0000000000000000000000000000078",
                     { person_id: root.daniel, stream: "mentoring", status: "open",
                       practitioner_id: "a0000000000000000000000000000099" })
        Fixture.pull("match", "d0000000000000000000000000000078",
                     { case_id: "c0000000000000000000000000000078", volunteer: root.me, person_id: root.daniel,
                       status: "active", started_at: "2025-04-10" })
        const page = createTemporaryObject(pageComponent, root,
                                           { caseId: "c0000000000000000000000000000078", today: "2025-05-23" })
        waitForRendering(page)
        verify(findByName(page, "headline").text.indexOf("No release date yet") === 0)
        compare(stepChip(page, "gate_meeting").text, "Not planned yet")
    }

    function test_intensiveRotaFlagsTheEvening() {
        const intensive = "c0000000000000000000000000000079"
        Fixture.pull("case", intensive, { person_id: root.daniel, stream: "mentoring", status: "open",
                                          practitioner_id: "a0000000000000000000000000000099",
                                          release_date: "2025-06-02", released_on: "2025-06-02",
                                          mentoring_service: "intensive" })
        Fixture.pull("match", "d000000000000000000000000000007a",
                     { case_id: intensive, volunteer: root.me, person_id: root.daniel, status: "active",
                       started_at: "2025-04-10", call_days: ["monday", "tuesday", "wednesday"], weekly_meeting: true })
        Fixture.pull("match", "d0000000000000000000000000000079",
                     { case_id: intensive, volunteer: root.ruth, person_id: root.daniel, status: "active",
                       started_at: "2025-04-12", call_days: ["thursday", "friday", "saturday"], volunteer_name: "Ruth" })
        const page = createTemporaryObject(pageComponent, root,
                                           { caseId: intensive, today: "2025-06-04", minuteOfDay: 10 * 60,
                                             focusRota: true })
        waitForRendering(page)
        const rota = findByName(page, "rota")
        verify(rota.visible)
        compare(findByName(page, "uncovered").text, "Nobody calls on: Sunday")
        const todayRow = findByName(page, "rotaDay_2025-06-04")
        verify(todayRow)
        compare(findByName(todayRow, "dayState").text, "Due")
        verify(todayRow.Accessible.name.indexOf("You") >= 0, todayRow.Accessible.name)
        compare(findByName(findByName(page, "rotaDay_2025-06-05"), "dayState").text, "Planned")
        verify(findByName(page, "rotaDay_2025-06-05").Accessible.name.indexOf("Ruth") >= 0)
        compare(findByName(findByName(page, "rotaDay_2025-06-02"), "dayState").text, "Missed")
        page.minuteOfDay = 18 * 60 + 5
        compare(findByName(findByName(page, "rotaDay_2025-06-04"), "dayState").text, "Missed")
        tryVerify(() => findByName(page, "timelineFlick").contentY > 0, 2000, "opened on the rota")
    }
}
