import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// Dots for the digits typed so far and a 3x4 keypad of thumb-sized keys; also takes a keyboard.
ColumnLayout {
    id: root

    property string pin
    readonly property int maxDigits: 12

    signal submitted(string pin)

    function clear() { pin = "" }
    function press(key) {
        if (key === "⌫")
            pin = pin.slice(0, -1)
        else if (key === "OK") {
            if (pin.length >= 4)
                submitted(pin)
        } else if (pin.length < maxDigits)
            pin += key
    }

    spacing: Theme.margin
    focus: true
    Keys.onPressed: event => {
        if (event.key >= Qt.Key_0 && event.key <= Qt.Key_9) root.press(event.text)
        else if (event.key === Qt.Key_Backspace) root.press("⌫")
        else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) root.press("OK")
    }

    Label {
        objectName: "pinDots"
        Layout.alignment: Qt.AlignHCenter
        text: root.pin.length > 0 ? "●".repeat(root.pin.length) : " "
        font.pixelSize: 28
        font.letterSpacing: 6
        Accessible.name: qsTr("%n digit(s) entered", "", root.pin.length)
    }
    GridLayout {
        Layout.alignment: Qt.AlignHCenter
        columns: 3
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing
        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
            delegate: RoundButton {
                id: key
                required property string modelData
                objectName: "pinKey_" + key.modelData
                Layout.preferredWidth: Math.max(64, Theme.fontSize(3.2))
                Layout.preferredHeight: Math.max(64, Theme.fontSize(3.2))
                text: key.modelData
                font.pixelSize: Theme.fontSize(1.6)
                highlighted: key.modelData === "OK"
                Accessible.name: key.modelData === "⌫" ? qsTr("Delete last digit") : key.modelData === "OK" ? qsTr("Unlock") : key.modelData
                onClicked: () => root.press(key.modelData)
            }
            // OK waits for four digits; bound from here, where the PIN is.
            onItemAdded: (index, item) => { if (item.modelData === "OK") item.enabled = Qt.binding(() => root.pin.length >= 4) }
        }
    }
}
