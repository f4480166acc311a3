import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The sync page: the server and its pinned certificate, what is waiting, the list of held and
// refused records (empty here), and a back button.
TestCase {
    id: root

    name: "SyncPage"
    width: 390
    height: 844
    visible: true
    when: windowShown

    Component {
        id: pageComponent
        SyncPage { width: 390; height: 844 }
    }
    SignalSpy { id: backSpy; signalName: "backRequested" }

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

    function test_showsServerAndWaiting() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        compare(findByName(page, "serverUrl").text, "https://127.0.0.1:9")
        verify(AppController.fingerprintGrouped.indexOf("aaaa aaaa") === 0)
        const waiting = findByName(page, "waitingLabel")
        verify(waiting.text.indexOf("Nothing waiting") === 0, waiting.text)
        compare(findByName(page, "problemList").count, 0)
    }

    function test_backRequested() {
        const page = createTemporaryObject(pageComponent, root)
        backSpy.target = page
        page.header.backRequested()
        compare(backSpy.count, 1)
    }

    function test_warnsWhenThePhoneClockIsOff() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const warning = findByName(page, "clockWarning")
        verify(warning)
        verify(!warning.visible)
        Fixture.phoneClockAhead(90)
        tryCompare(warning, "visible", true)
        verify(SyncController.clockWarning.indexOf("ahead") > 0, SyncController.clockWarning)
        Fixture.phoneClockAhead(0)
        tryCompare(warning, "visible", false)
    }
}
