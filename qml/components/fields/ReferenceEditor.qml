import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// Another record or a user: chosen from what this phone holds, or typed as an id.
ColumnLayout {
    id: root

    property var field
    readonly property var options: field && field.options ? field.options : []

    ComboBox {
        visible: root.options.length > 0
        Layout.fillWidth: true
        implicitHeight: Theme.touch + 4
        model: root.options
        textRole: "label"
        valueRole: "value"
        currentIndex: root.options.findIndex(o => o.value === root.field.value)
        displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
        Accessible.name: root.field ? root.field.label : ""
        onActivated: root.field.commit(currentValue)
    }
    TextField {
        visible: root.options.length === 0
        Layout.fillWidth: true
        implicitHeight: Theme.touch + 4
        text: root.field && root.field.value ? String(root.field.value) : ""
        placeholderText: qsTr("Id (32 letters and digits)")
        font.family: "monospace"
        Accessible.name: root.field ? root.field.label : ""
        onTextEdited: root.field.commit(text.trim())
    }
}
