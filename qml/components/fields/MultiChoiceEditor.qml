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
        delegate: CheckBox {
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            text: modelData.label
            checked: root.selected.indexOf(modelData.value) >= 0
            Accessible.name: modelData.label
            onToggled: root.toggle(modelData.value, checked)
        }
    }
}
