import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// A record the server held for review or refused: what it was, why, and a button to say it has
// been dealt with.
Pane {
    id: root

    required property string changeId
    required property string title
    required property string state
    required property string explanation
    required property string when

    signal dismissed(string changeId)

    padding: Theme.margin
    Material.background: state === "quarantined" ? Theme.warningSurface : Theme.badSurface
    Accessible.role: Accessible.ListItem
    Accessible.name: title + ". " + explanation

    ColumnLayout {
        anchors.fill: parent
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label { text: root.title; font.bold: true; Layout.fillWidth: true; wrapMode: Text.Wrap }
            StatusChip {
                text: root.state === "quarantined" ? qsTr("Held for review") : qsTr("Not accepted")
                tone: root.state === "quarantined" ? "warning" : "bad"
            }
        }
        Label { visible: root.when.length > 0; text: root.when; color: Theme.muted }
        Label { text: root.explanation; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Button {
            text: qsTr("Dealt with")
            flat: true
            Layout.alignment: Qt.AlignRight
            Layout.preferredHeight: Theme.touch
            Accessible.name: qsTr("Mark %1 as dealt with").arg(root.title)
            onClicked: root.dismissed(root.changeId)
        }
    }
}
