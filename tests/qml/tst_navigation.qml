import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The whole window (Main.qml) over the fixture's unlocked befriender: Back (Esc, Alt+Left, the
// header's arrow) pops every page the app pushes, every page's header has the quick hide, and the
// quick hide covers the screen with a neutral one and locks. Walks each page for accessible names.
TestCase {
    id: root

    name: "Navigation"
    when: windowShown

    property var window: null

    function findByName(item, name) {
        if (!item)
            return null
        if (item.objectName === name && (item.visible === undefined || item.visible))
            return item
        const kids = item.children || []
        for (let i = 0; i < kids.length; ++i) {
            const found = findByName(kids[i], name)
            if (found)
                return found
        }
        if (item.contentItem && item.contentItem !== item)
            return findByName(item.contentItem, name)
        return null
    }

    // Every visible, enabled button-like control under `item` without an accessible name.
    function unnamedControls(item, found) {
        if (!item || item.visible === false)
            return found
        if ((item instanceof AbstractButton || item instanceof TextField || item instanceof ComboBox)
                && item.enabled && (!item.Accessible.name || item.Accessible.name.length === 0))
            found.push(item.toString() + " " + item.objectName)
        const kids = item.children || []
        for (let i = 0; i < kids.length; ++i)
            unnamedControls(kids[i], found)
        if (item.contentItem && item.contentItem !== item)
            unnamedControls(item.contentItem, found)
        return found
    }

    function initTestCase() {
        const component = Qt.createComponent("qrc:/qt/qml/Fieldbook/Main.qml")
        compare(component.status, Component.Ready, component.errorString())
        window = component.createObject(null, { width: 360, height: 800 })
        verify(window)
        window.requestActivate()
        tryVerify(() => window.active || window.visible)
    }

    function cleanupTestCase() {
        if (window)
            window.destroy()
    }

    function stack() { return findByName(window.contentItem, "pageStack") }

    function unlocked() {
        if (AppController.state !== AppController.Ready)
            AppController.unlock("1234")
        tryCompare(AppController, "state", AppController.Ready)
        window.covered = false
        tryCompare(stack(), "busy", false)
        stack().pop(null)
        tryCompare(stack(), "depth", 1)
    }

    function test_pages_data() {
        return [
            { tag: "case", page: "case", argument: "c0000000000000000000000000000001", name: "casePage" },
            { tag: "sync", page: "sync", argument: "", name: "syncPage" },
            { tag: "alerts", page: "alerts", argument: "", name: "alertsPage" },
            { tag: "settings", page: "settings", argument: "", name: "settingsPage" },
            { tag: "form", page: "form", argument: "safeguarding_report::", name: "formPage" },
            { tag: "record", page: "record", argument: "case:c0000000000000000000000000000001", name: "recordPage" },
        ]
    }

    // Each page: opened, named controls only, the quick hide in its header, then Back by Esc.
    function test_pages(data) {
        unlocked()
        AppController.navigate(data.page, data.argument)
        tryCompare(stack(), "depth", 2)
        tryCompare(stack(), "busy", false)
        const page = stack().currentItem
        compare(page.objectName, data.name)
        compare(unnamedControls(page, []).join(", "), "")
        verify(findByName(page.header, "quickHide"), "quick hide in the header of " + data.name)
        keyClick(Qt.Key_Escape)
        tryCompare(stack(), "depth", 1)
    }

    function test_altLeftAndHeaderArrowGoBack() {
        unlocked()
        AppController.navigate("sync")
        tryCompare(stack(), "depth", 2)
        tryCompare(stack(), "busy", false)
        keyClick(Qt.Key_Left, Qt.AltModifier)
        tryCompare(stack(), "depth", 1)

        AppController.navigate("settings")
        tryCompare(stack(), "depth", 2)
        tryCompare(stack(), "busy", false)
        const back = findByName(stack().currentItem.header, "backButton")
        verify(back)
        mouseClick(back)
        tryCompare(stack(), "depth", 1)
    }

    function test_backOnTheFirstPageStays() {
        unlocked()
        keyClick(Qt.Key_Escape)
        wait(50)
        compare(stack().depth, 1)
        compare(AppController.state, AppController.Ready)
    }

    function test_quickHideCoversAndLocks() {
        unlocked()
        AppController.navigate("case", "c0000000000000000000000000000001")
        tryCompare(stack(), "busy", false)
        const hide = findByName(stack().currentItem.header, "quickHide")
        verify(hide)
        compare(hide.Accessible.name, "Hide the screen")
        mouseClick(hide)
        compare(window.covered, true)
        compare(AppController.state, AppController.Locked)
        const cover = findByName(window.contentItem, "hiddenCover")
        verify(cover && cover.visible)
        // Nothing of the case is left on the stack beneath the cover.
        tryCompare(stack(), "depth", 1)
        compare(stack().currentItem.objectName, "unlockPage")
        mouseClick(cover)
        compare(window.covered, false)
        compare(AppController.state, AppController.Locked)
    }
}
