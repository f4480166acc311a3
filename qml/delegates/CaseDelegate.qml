import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// One person on the caseload: name, what is due (overdue in red, paused with its reason while
// contact is not cleared), whether contact is cleared.
ItemDelegate {
    id: root

    required property string caseId
    required property string name
    required property string subtitle
    required property string dueText
    required property string dueState
    required property string pausedReason
    required property bool cleared
    required property string clearanceText
    required property int waiting

    signal opened()

    padding: Theme.margin
    background: Rectangle {
        color: root.pressed ? Qt.darker(Theme.card, 1.05) : Theme.card
        radius: Theme.radius
        border.color: root.dueState === "overdue" ? Theme.bad : "transparent"
        border.width: 1
    }
    Accessible.name: qsTr("%1. %2 %3").arg(name).arg(dueText).arg(clearanceText)
    onClicked: opened()

    contentItem: ColumnLayout {
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label { text: root.name; font.pixelSize: 19; font.bold: true; Layout.fillWidth: true; elide: Text.ElideRight }
            StatusChip {
                objectName: "dueChip"
                // A rhythm the gate does not clear is paused, never overdue (the core decides).
                visible: root.dueState === "overdue" || root.dueState === "due" || root.dueState === "paused"
                text: root.dueState === "overdue" ? qsTr("Overdue") : root.dueState === "paused" ? qsTr("Paused") : qsTr("Due")
                tone: root.dueState === "overdue" ? "bad" : root.dueState === "paused" ? "muted" : "warning"
            }
            StatusChip { visible: root.waiting > 0; text: qsTr("%1 to send").arg(root.waiting); tone: "muted" }
        }
        Label { visible: root.subtitle.length > 0; text: root.subtitle; color: Theme.muted; Layout.fillWidth: true }
        Label {
            objectName: "dueText"
            visible: root.dueText.length > 0
            text: root.dueText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            color: root.dueState === "overdue" ? Theme.bad : Material.foreground
        }
        Label {
            visible: root.clearanceText.length > 0
            text: (root.cleared ? "✓ " : "✕ ") + root.clearanceText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            color: root.cleared ? Theme.good : Theme.bad
            font.pixelSize: Theme.smallFontSize
        }
    }
}
