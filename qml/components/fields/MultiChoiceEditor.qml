import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// Any number of answers, each a big check box.
ColumnLayout {
    id: root

    property var field
    readonly property var selected: field && Array.isArray(field.value) ? field.value : []

    function toggle(value, on) {
        const next = selected.filter(v => v !== value)
        if (on)
            next.push(value)
        field.commit(next)
    }

    spacing: 0

    Repeater {
        model: root.field ? root.field.choices : []
        // A delegate sees only its own properties (Qt 6.4's qmllint): see ChoiceEditor.
        delegate: CheckBox {
            id: option
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            text: option.modelData.label
            Accessible.name: option.modelData.label
            onToggled: () => root.toggle(option.modelData.value, option.checked)
        }
        onItemAdded: (index, item) => { item.checked = Qt.binding(() => root.selected.indexOf(item.modelData.value) >= 0) }
    }
}
