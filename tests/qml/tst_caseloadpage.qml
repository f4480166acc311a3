import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The caseload page: the person matched to this volunteer, overdue and cleared status in words,
// big named controls, and a tap opens the case.
TestCase {
    id: root

    name: "CaseloadPage"
    width: 390
    height: 844
    visible: true
    when: windowShown

    Component {
        id: pageComponent
        CaseloadPage { width: 390; height: 844 }
    }
    SignalSpy { id: caseSpy; signalName: "caseRequested" }

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

    function test_showsTheCaseload() {
        const page = createTemporaryObject(pageComponent, root)
        compare(page.title, "My caseload")
        const list = findByName(page, "caseloadList")
        verify(list)
        tryCompare(list, "count", 1)
        compare(AppController.caseload.overdueCount, 1)
    }

    function test_syncButtonIsNamedAndLarge() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const button = findByName(page, "syncButton")
        verify(button, "sync button exists")
        compare(button.Accessible.name, "Sync now")
        verify(button.height >= 48, "sync button is a large touch target")
    }

    function test_syncFailureReachesThePerson() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const button = findByName(page, "syncButton")
        tryVerify(() => button.width > 0 && button.enabled)
        mouseClick(button)
        tryVerify(() => !SyncController.busy && ErrorChannel.active, 20000)
        verify(ErrorChannel.message.indexOf("safe on this phone") >= 0, ErrorChannel.message)
        ErrorChannel.dismiss()
    }

    function test_tapOpensTheCase() {
        const page = createTemporaryObject(pageComponent, root)
        caseSpy.target = page
        caseSpy.clear()
        const list = findByName(page, "caseloadList")
        tryCompare(list, "count", 1)
        waitForRendering(page)
        const row = list.itemAtIndex(0)
        verify(row)
        verify(row.Accessible.name.indexOf("Irina") === 0, row.Accessible.name)
        mouseClick(row)
        compare(caseSpy.count, 1)
        compare(caseSpy.signalArguments[0][0], "c0000000000000000000000000000001")
    }

    // Consent withdrawn: the reminder is paused with the core's reason, never "Overdue".
    function test_pausedReminderWhileNotCleared() {
        Fixture.pull("clearance", "c0000000000000000000000000000008",
                     { case_id: "c0000000000000000000000000000001", person_id: "b0000000000000000000000000000002",
                       cleared: false, reason: "consent_withdrawn" })
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const chip = findByName(page, "dueChip")
        verify(chip)
        verify(chip.visible)
        compare(chip.text, "Paused")
        const due = findByName(page, "dueText")
        verify(due.text.indexOf("Paused") === 0, due.text)
        verify(due.text.indexOf("consent withdrawn") > 0, due.text)
        compare(AppController.caseload.overdueCount, 0)
        Fixture.pull("clearance", "c0000000000000000000000000000008",
                     { case_id: "c0000000000000000000000000000001", person_id: "b0000000000000000000000000000002",
                       cleared: true, reason: "" })
        // The list is rebuilt from the store: look the chip up again.
        tryVerify(() => findByName(page, "dueChip") && findByName(page, "dueChip").text === "Overdue")
    }

    function test_raiseAConcernFromTheCaseload() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const button = findByName(page, "raiseConcern")
        verify(button)
        compare(button.visible, AppController.canRaiseConcern)
        verify(button.visible, "a befriender may always raise a concern")
        compare(button.Accessible.name, "Raise a safeguarding concern")
        concernSpy.target = page
        mouseClick(button)
        compare(concernSpy.count, 1)
    }
    SignalSpy { id: concernSpy; signalName: "concernRequested" }
}
