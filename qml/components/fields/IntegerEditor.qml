import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// A whole number: typed, or stepped with big − and + buttons within the field's range.
RowLayout {
    id: root

    property var field
    readonly property bool hasValue: field && field.value !== undefined && field.value !== null && field.value !== ""
    readonly property int low: field && field.minimum !== undefined && field.minimum !== null ? field.minimum : 0
    readonly property int high: field && field.maximum !== undefined && field.maximum !== null ? field.maximum : 100000

    function step(delta) {
        const current = hasValue ? parseInt(field.value) : low - delta
        field.commit(Math.max(low, Math.min(high, current + delta)))
    }

    spacing: 8

    RoundButton {
        text: "−"
        font.pixelSize: 22
        implicitWidth: Theme.touch
        implicitHeight: Theme.touch
        Accessible.name: qsTr("Decrease %1").arg(root.field ? root.field.label : "")
        onClicked: root.step(-1)
    }
    TextField {
        Layout.fillWidth: true
        implicitHeight: Theme.touch + 4
        horizontalAlignment: Text.AlignHCenter
        text: root.hasValue ? String(root.field.value) : ""
        inputMethodHints: Qt.ImhDigitsOnly
        placeholderText: root.field && root.field.minimum !== undefined && root.field.minimum !== null
                         ? qsTr("%1 to %2").arg(root.low).arg(root.high) : ""
        Accessible.name: root.field ? root.field.label : ""
        onTextEdited: root.field.commit(text)
    }
    RoundButton {
        text: "+"
        font.pixelSize: 22
        implicitWidth: Theme.touch
        implicitHeight: Theme.touch
        Accessible.name: qsTr("Increase %1").arg(root.field ? root.field.label : "")
        onClicked: root.step(1)
    }
}
