import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// One of a few answers: big radio buttons for up to five choices, a drop-down list for more.
ColumnLayout {
    id: root

    property var field
    readonly property var choices: field ? field.choices : []
    readonly property bool compact: choices.length > 5

    spacing: 0

    Repeater {
        model: root.compact ? [] : root.choices
        delegate: RadioButton {
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            text: modelData.label
            checked: root.field.value === modelData.value
            Accessible.name: modelData.label
            onClicked: root.field.commit(modelData.value)
        }
    }
    ComboBox {
        visible: root.compact
        Layout.fillWidth: true
        implicitHeight: Theme.touch + 4
        model: root.compact ? root.choices : []
        textRole: "label"
        valueRole: "value"
        currentIndex: root.compact ? root.choices.findIndex(c => c.value === root.field.value) : -1
        displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
        Accessible.name: root.field ? root.field.label : ""
        onActivated: root.field.commit(currentValue)
    }
}
