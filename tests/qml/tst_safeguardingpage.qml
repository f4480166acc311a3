import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The safeguarding officer's home: the C1 inbox lists urgent reports first with setting, action
// taken, officer informed and who raised it; held records are listed to review; break the glass
// needs a case and a reason of ten characters. Lists come from ListModels with the live roles.
TestCase {
    id: root

    name: "SafeguardingPage"
    width: 390
    height: 844
    visible: true
    when: windowShown

    ListModel {
        id: inboxModel
        property int urgentCount: 1
        ListElement { caseId: ""; urgent: true; urgency: "Urgent"; setting: "Custody"; actionTaken: "Safer custody hotline"; officerInformed: true; raisedBy: "a colleague"; when: "3 Mar 09:10"; summary: "Said he would harm himself after the visit." }
        ListElement { caseId: "0123456789abcdef0123456789abcdef"; urgent: false; urgency: "Non urgent"; setting: "Community"; actionTaken: "No action recorded"; officerInformed: false; raisedBy: "you"; when: "2 Mar 16:00"; summary: "Worried about the children's school attendance." }
    }
    ListModel {
        id: heldModel
        ListElement { changeId: "c0ffee00000000000000000000000001"; title: "Session report · Irina"; why: "A public protection restriction covers this contact."; author: "author 3fa2b1"; receivedAt: "3 Mar 10:00"; reviewed: "" }
    }
    Component {
        id: pageComponent
        SafeguardingPage { width: 390; height: 844; inbox: inboxModel; held: heldModel }
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

    function test_inboxUrgentFirst() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        compare(findByName(page, "inboxHeading").text, "Safeguarding reports (2, 1 urgent)")
        const list = findByName(page, "inboxList")
        compare(list.count, 2)
        const first = list.itemAt(0)
        verify(first.urgent)
        verify(first.contentItem.children[0].text.indexOf("Urgent · Custody") === 0, first.contentItem.children[0].text)
        verify(first.contentItem.children[2].text.indexOf("Safer custody hotline") > 0)
        verify(first.contentItem.children[2].text.indexOf("officer informed: yes") > 0)
        verify(list.itemAt(1).contentItem.children[2].text.indexOf("raised by you") > 0)
    }

    function test_heldListed() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        compare(findByName(page, "heldHeading").text, "Held for review (1)")
        compare(findByName(page, "heldList").count, 1)
        compare(findByName(page, "heldList").itemAt(0).why, "A public protection restriction covers this contact.")
    }

    function test_breakGlassNeedsCaseAndReason() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const panel = findByName(page, "breakGlass")
        const button = findByName(panel, "grantButton")
        verify(!button.enabled)
        findByName(panel, "caseField").text = "0123456789abcdef0123456789abcdef"
        findByName(panel, "reasonField").text = "urgent!!!"
        verify(!button.enabled, "nine characters are not a reason")
        findByName(panel, "reasonField").text = "Disclosure overnight, practitioner away"
        verify(button.enabled)
        findByName(panel, "caseField").text = "not a case"
        verify(!button.enabled)
    }

    // Break the glass takes its case from a report, never from an id typed by hand.
    function test_breakGlassCaseComesFromAReport() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const list = findByName(page, "inboxList")
        const panel = findByName(page, "breakGlass")
        verify(!findByName(panel, "caseField").visible)
        verify(!findByName(list.itemAt(0), "breakGlassForReport").visible, "a report without a case offers nothing")
        const choose = findByName(list.itemAt(1), "breakGlassForReport")
        verify(choose.visible)
        verify(findByName(panel, "chosenCase").text.indexOf("Choose a report") === 0)
        mouseClick(choose)
        compare(panel.caseId, "0123456789abcdef0123456789abcdef")
        compare(findByName(panel, "chosenCase").text, "For the case of the report you chose above.")
        findByName(panel, "reasonField").text = "Disclosure overnight, practitioner away"
        verify(findByName(panel, "grantButton").enabled)
    }
}
