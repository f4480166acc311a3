import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// One alert the server sent: which record, why it was held (or that it was released, or that a
// safeguarding officer opened the case), and what to do next.
Pane {
    id: root

    required property string kind
    required property string title
    required property string why
    required property string nextStep
    required property string when
    required property bool resolved

    padding: Theme.margin
    Material.background: root.kind === "held" && !root.resolved ? Theme.warningSurface : Theme.card
    Accessible.role: Accessible.ListItem
    Accessible.name: root.title + ". " + root.why + " " + root.nextStep

    ColumnLayout {
        width: parent.width
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: root.kind === "released" || root.resolved ? qsTr("Released")
                    : root.kind === "break_glass" ? qsTr("Break the glass") : qsTr("Held for review")
                font.bold: true
                color: root.kind === "held" && !root.resolved ? Theme.warning : Theme.muted
            }
            Item { Layout.fillWidth: true }
            Label { text: root.when; color: Theme.muted; font.pixelSize: Theme.smallFontSize }
        }
        Label { objectName: "alertTitle"; text: root.title; font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label { objectName: "alertWhy"; text: root.why; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label {
            objectName: "alertNext"
            text: qsTr("Next: %1").arg(root.nextStep)
            wrapMode: Text.Wrap
            color: Theme.muted
            Layout.fillWidth: true
        }
    }
}
