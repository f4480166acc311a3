import QtQuick
import QtQuick.Controls
import QtTest
import Fieldbook

// The enrol page: the button waits for matching PINs and a code, says when the PINs differ, and
// every field is named for screen readers.
TestCase {
    id: root

    name: "EnrolPage"
    width: 390
    height: 844
    visible: true
    when: windowShown

    Component {
        id: pageComponent
        EnrolPage { width: 390; height: 844 }
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

    function test_buttonWaitsForMatchingPins() {
        const page = createTemporaryObject(pageComponent, root)
        waitForRendering(page)
        const button = findByName(page, "enrolButton")
        verify(!button.enabled)
        findByName(page, "serverField").text = "https://fieldbook.example.org"
        findByName(page, "codeField").text = "ABCD-EFGH-JKMN"
        findByName(page, "pinField").text = "2468"
        findByName(page, "pinAgainField").text = "2469"
        verify(!button.enabled)
        compare(findByName(page, "pinAgainField").error, "The two PINs are not the same.")
        findByName(page, "pinAgainField").text = "2468"
        verify(button.enabled)
        compare(findByName(page, "pinAgainField").error, "")
        verify(button.height >= 48)
    }

    function test_fieldsAreNamed() {
        const page = createTemporaryObject(pageComponent, root)
        for (const name of ["serverField", "fingerprintField", "codeField", "pinField", "pinAgainField"]) {
            const field = findByName(page, name)
            verify(field, name)
            verify(field.label.length > 0, name)
        }
    }
}
