import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// The restrictions a public protection check found: a list, each a kind and (for a named person
// or an order about someone) who it names.
ColumnLayout {
    id: root

    property var field
    readonly property var items: field && Array.isArray(field.value) ? field.value : []
    readonly property var people: field && field.options ? field.options : []

    function labelOf(list, value) {
        const found = list.find(o => o.value === value)
        return found ? found.label : value
    }

    spacing: 4

    Repeater {
        // Each row carries its words, worked out here: a delegate sees only its own properties.
        model: root.items.map(item => ({
            text: root.labelOf(root.field.choices, item.kind) + (item.person_id ? " — " + root.labelOf(root.people, item.person_id) : "")
        }))
        delegate: RowLayout {
            id: restriction
            required property var modelData
            required property int index
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: restriction.modelData.text
            }
            ToolButton {
                text: "✕"
                implicitWidth: Theme.touch
                implicitHeight: Theme.touch
                Accessible.name: qsTr("Remove restriction")
                Accessible.description: restriction.modelData.text
                onClicked: () => root.field.commit(root.items.filter((_, i) => i !== restriction.index))
            }
        }
    }
    ComboBox {
        id: kind
        Layout.fillWidth: true
        implicitHeight: Theme.touch + 4
        model: root.field ? root.field.choices : []
        textRole: "label"
        valueRole: "value"
        Accessible.name: qsTr("Kind of restriction")
    }
    ComboBox {
        id: person
        visible: kind.currentValue !== "children_under_18" && root.people.length > 0
        Layout.fillWidth: true
        implicitHeight: Theme.touch + 4
        model: root.people
        textRole: "label"
        valueRole: "value"
        Accessible.name: qsTr("Who the restriction names")
    }
    Button {
        text: qsTr("Add restriction")
        implicitHeight: Theme.touch
        Accessible.name: text
        onClicked: {
            const item = { kind: kind.currentValue }
            if (person.visible && person.currentValue)
                item.person_id = person.currentValue
            root.field.commit(root.items.concat([item]))
        }
    }
}
