import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The form page renders the session report from its definition: required markers, the gate in
// plain words, the validator's message next to the field at fault, and saving queues the record.
TestCase {
    id: root

    name: "FormPage"
    width: 390
    height: 844
    visible: true
    when: windowShown

    Component {
        id: pageComponent
        FormPage {
            width: 390
            height: 844
            recordType: "session_report"
            caseId: "c0000000000000000000000000000001"
            personId: "b0000000000000000000000000000002"
        }
    }
    SignalSpy { id: doneSpy; signalName: "done" }

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

    function test_rendersFromTheDefinition() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        compare(page.title, "Session report")
        for (const name of ["occurred_at", "duration_minutes", "mode", "location", "notes", "concerns"])
            verify(findByName(page, "field_" + name), name)
        verify(!findByName(page, "field_case_id"), "the case comes from the case page")
        verify(!findByName(page, "field_concern_details").visible, "shown only with a concern")
        const gate = findByName(page, "gateBanner")
        verify(gate.visible)
        compare(gate.text, "Cleared to contact Irina")
    }

    function test_validationSaysWhatToFix() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const waitingBefore = SyncController.waitingCount
        page.controller.setValue("duration_minutes", "999")
        findByName(page, "saveButton").clicked() // below the fold: pressed as a screen reader would
        const error = findByName(page, "error_duration_minutes")
        verify(error.visible)
        verify(error.text.indexOf("240") >= 0, error.text)
        verify(findByName(page, "errorSummary").visible)
        compare(SyncController.waitingCount, waitingBefore)
    }

    function test_conditionalFieldAppears() {
        const page = createTemporaryObject(pageComponent, root)
        page.controller.setValue("concerns", "boundary")
        tryVerify(() => findByName(page, "field_concern_details").visible)
        page.controller.setValue("concerns", "none")
        tryVerify(() => !findByName(page, "field_concern_details").visible)
    }

    function test_savingQueuesTheRecord() {
        const page = createTemporaryObject(pageComponent, root)
        doneSpy.target = page
        doneSpy.clear()
        const waitingBefore = SyncController.waitingCount
        waitForRendering(page)
        page.controller.setValue("duration_minutes", 45)
        page.controller.setValue("concerns", "none")
        page.controller.setValue("notes", "Coffee at the visitors' centre")
        findByName(page, "saveButton").clicked() // below the fold: pressed as a screen reader would
        compare(doneSpy.count, 1)
        compare(SyncController.waitingCount, waitingBefore + 1)
        verify(ErrorChannel.message.indexOf("Saved") === 0, ErrorChannel.message)
        ErrorChannel.dismiss()
    }
}
