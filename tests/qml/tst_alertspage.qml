import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The practitioner's alert list: for each alert which record, why it was held and what to do
// next; a released record says so. The live AlertListModel reads the phone's alerts (none in the
// fixture); a ListModel with the same roles stands in for the list.
TestCase {
    id: root

    name: "AlertsPage"
    width: 390
    height: 844
    visible: true
    when: windowShown

    ListModel {
        id: alertModel
        ListElement { kind: "held"; title: "Session report · Irina"; why: "A public protection restriction covers this contact."; nextStep: "Read the restriction and agree with the safeguarding officer whether this contact may stand."; when: "3 Mar 10:00"; resolved: false }
        ListElement { kind: "released"; title: "Session report · Irina"; why: "Was held: Consent to contact this person was not recorded."; nextStep: "Released by the safeguarding officer: the record now stands on the case. Nothing more to do."; when: "3 Mar 11:00"; resolved: true }
    }
    Component {
        id: pageComponent
        AlertsPage { width: 390; height: 844; model: alertModel }
    }
    Component {
        id: livePage
        AlertsPage { width: 390; height: 844 }
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

    function test_eachAlertSaysWhyAndWhatNext() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const list = findByName(page, "alertList")
        compare(list.count, 2)
        const first = list.itemAtIndex(0)
        compare(findByName(first, "alertTitle").text, "Session report · Irina")
        compare(findByName(first, "alertWhy").text, "A public protection restriction covers this contact.")
        verify(findByName(first, "alertNext").text.indexOf("Next: Read the restriction") === 0)
        verify(findByName(list.itemAtIndex(1), "alertNext").text.indexOf("Released") > 0)
    }

    function test_liveListEmptyInTheFixture() {
        const page = createTemporaryObject(livePage, root)
        waitForRendering(page)
        compare(findByName(page, "alertList").count, 0)
        verify(findByName(page, "alertSummary").text.indexOf("No alerts") === 0)
    }
}
