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
        // A delegate sees only its own properties (Qt 6.4's qmllint): the choice's state is bound
        // from here, and a click reaches the field through a function.
        delegate: RadioButton {
            id: choice
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            text: choice.modelData.label
            Accessible.name: choice.modelData.label
            onClicked: () => root.field.commit(choice.modelData.value)
        }
        onItemAdded: (index, item) => { item.checked = Qt.binding(() => root.field.value === item.modelData.value) }
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
