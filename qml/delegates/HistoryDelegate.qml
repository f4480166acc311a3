import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// One record in a case's history: what, when, a short summary and where it stands with the server;
// a tap opens the record.
Pane {
    id: root

    required property string title
    required property string date
    required property string summary
    required property string status
    required property string recordId
    required property string recordType

    signal openRequested(string recordType, string recordId)

    padding: Theme.spacing
    Material.background: Theme.card
    Material.elevation: 0
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1, %2, %3").arg(title).arg(date).arg(statusChip.text)

    TapHandler { onTapped: root.openRequested(root.recordType, root.recordId) }

    ColumnLayout {
        anchors.fill: parent
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            Label { text: root.title; font.bold: true; Layout.fillWidth: true; elide: Text.ElideRight }
            StatusChip {
                id: statusChip
                text: root.status === "waiting" ? qsTr("Waiting to send") : root.status === "held" ? qsTr("Held for review")
                      : root.status === "refused" ? qsTr("Not accepted") : qsTr("Sent")
                tone: root.status === "synced" ? "good" : root.status === "waiting" ? "warning" : "bad"
            }
        }
        Label { text: root.date; color: Theme.muted; visible: root.date.length > 0 }
        Label { text: root.summary; visible: root.summary.length > 0; wrapMode: Text.Wrap; Layout.fillWidth: true }
    }
}
