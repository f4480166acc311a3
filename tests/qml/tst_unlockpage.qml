import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The lock screen: the PIN pad's big keys unlock with the right PIN; a wrong one says how many
// attempts are left.
TestCase {
    id: root

    name: "UnlockPage"
    width: 390
    height: 844
    visible: true
    when: windowShown

    Component {
        id: pageComponent
        UnlockPage { width: 390; height: 844 }
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

    function keyButton(pad, label) {
        const stack = [pad]
        while (stack.length > 0) {
            const item = stack.pop()
            if (item.text === label && item.clicked !== undefined)
                return item
            for (let i = 0; i < item.children.length; ++i)
                stack.push(item.children[i])
        }
        return null
    }

    function enter(pad, digits) {
        for (const digit of digits)
            mouseClick(keyButton(pad, digit))
        mouseClick(keyButton(pad, "OK"))
    }

    function test_wrongThenRightPin() {
        AppController.lock()
        compare(AppController.state, AppController.Locked)
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const pad = findByName(page, "pinPad")
        verify(keyButton(pad, "5").width >= 48, "keys are thumb-sized")
        verify(!keyButton(pad, "OK").enabled)
        enter(pad, "9999")
        compare(AppController.state, AppController.Locked)
        const attempts = findByName(page, "attemptsLabel")
        verify(attempts.visible)
        verify(attempts.text.indexOf("4 attempt") === 0, attempts.text)
        enter(pad, "1234")
        compare(AppController.state, AppController.Ready)
        compare(AppController.attemptsLeft, 5)
    }
}
