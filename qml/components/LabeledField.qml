import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// A label above a text field, with an optional message below it saying what to fix.
ColumnLayout {
    id: root

    property string label
    property alias text: field.text
    property alias placeholder: field.placeholderText
    property alias inputMethodHints: field.inputMethodHints
    property bool password: false
    property bool monospace: false
    property string error

    Layout.fillWidth: true
    spacing: 2

    Label {
        text: root.label
        font.bold: true
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
    TextField {
        id: field
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touch + 4
        echoMode: root.password ? TextInput.Password : TextInput.Normal
        font.family: root.monospace ? "monospace" : field.font.family
        Accessible.name: root.label
    }
    Label {
        visible: root.error.length > 0
        text: root.error
        color: Theme.bad
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
