import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The case page: the person, "Cleared to contact Irina" in plain words, the forms to record (the
// safeguarding report always among them), the history; a form button asks for that form.
TestCase {
    id: root

    name: "CasePage"
    width: 390
    height: 844
    visible: true
    when: windowShown

    Component {
        id: pageComponent
        CasePage { width: 390; height: 844; caseId: "c0000000000000000000000000000001" }
    }
    SignalSpy { id: formSpy; signalName: "formRequested" }

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

    function test_showsPersonAndClearance() {
        const page = createTemporaryObject(pageComponent, root)
        compare(page.title, "Irina")
        waitForRendering(page)
        const banner = findByName(page, "clearanceBanner")
        verify(banner)
        compare(banner.text, "Cleared to contact Irina")
        verify(banner.cleared)
        compare(banner.Accessible.name, "Cleared to contact Irina")
    }

    function test_offersContactAndSafeguardingForms() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        verify(findByName(page, "form_session_report"))
        const safeguarding = findByName(page, "form_safeguarding_report")
        verify(safeguarding, "the safeguarding report is always offered")
        verify(safeguarding.Accessible.name.length > 0)
    }

    function test_formButtonAsksForTheForm() {
        const page = createTemporaryObject(pageComponent, root)
        formSpy.target = page
        formSpy.clear()
        waitForRendering(page)
        const button = findByName(page, "form_session_report")
        mouseClick(button)
        compare(formSpy.count, 1)
        compare(formSpy.signalArguments[0][0], "session_report")
        compare(formSpy.signalArguments[0][1], "c0000000000000000000000000000001")
        compare(formSpy.signalArguments[0][2], "b0000000000000000000000000000002")
    }

    function test_historyListsWhatIsRecorded() {
        const page = createTemporaryObject(pageComponent, root)
        const history = findByName(page, "historyList")
        verify(history)
        compare(history.count, 0)
    }

    // The practitioner's case is about the prisoner himself: the banner shows the core's decision
    // (no consent of Marek about himself yet: not cleared), then cleared once it is recorded.
    function test_prisonerCaseBannerIsTheCoresDecision() {
        Fixture.beUser("a0000000000000000000000000000002", ["practitioner"])
        const page = createTemporaryObject(pageComponent, root)
        compare(page.title, "Marek")
        waitForRendering(page)
        const banner = findByName(page, "clearanceBanner")
        verify(banner.visible)
        verify(!banner.cleared, "a prisoner's case is not cleared by being a prisoner's")
        compare(banner.text, "Not cleared: the consent this contact needs is not recorded.")
        Fixture.pull("consent", "c0000000000000000000000000000009",
                     { given_by: "b0000000000000000000000000000001", about: "b0000000000000000000000000000001",
                       scope: "contact", status: "given", method: "written", recorded_at: "2024-01-03T10:00:00Z" })
        tryCompare(banner, "cleared", true)
        compare(banner.text, "Cleared to contact Marek")
        Fixture.beUser("a0000000000000000000000000000001", ["befriender"])
    }

    function test_pausedReminderOnTheCasePage() {
        Fixture.pull("clearance", "c0000000000000000000000000000008",
                     { case_id: "c0000000000000000000000000000001", person_id: "b0000000000000000000000000000002",
                       cleared: false, reason: "restricted" })
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const item = findByName(page, "dueItem")
        verify(item)
        verify(item.text.indexOf("Paused") >= 0 && item.text.indexOf("restricted") > 0, item.text)
        verify(!findByName(page, "clearanceBanner").cleared)
        Fixture.pull("clearance", "c0000000000000000000000000000008",
                     { case_id: "c0000000000000000000000000000001", person_id: "b0000000000000000000000000000002",
                       cleared: true, reason: "" })
    }
}
