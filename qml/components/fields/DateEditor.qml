import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// A calendar date as YYYY-MM-DD, with a Today button.
RowLayout {
    id: root

    property var field

    spacing: 8

    TextField {
        id: input
        Layout.fillWidth: true
        implicitHeight: Theme.touch + 4
        text: root.field && root.field.value ? String(root.field.value) : ""
        placeholderText: qsTr("YYYY-MM-DD")
        inputMethodHints: Qt.ImhDate
        Accessible.name: root.field ? root.field.label : ""
        onTextEdited: root.field.commit(text)
    }
    Button {
        text: qsTr("Today")
        flat: true
        implicitHeight: Theme.touch
        Accessible.name: qsTr("Set %1 to today").arg(root.field ? root.field.label : "")
        onClicked: root.field.commit(Qt.formatDate(new Date(), "yyyy-MM-dd"))
    }
}
