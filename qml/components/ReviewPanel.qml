import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// One held record to review: which record, on which case, why it was held, who wrote it and when
// it arrived; a note (the core's rule: at least ten characters) and the two decisions.
Pane {
    id: root

    required property string changeId
    required property string title
    required property string why
    required property string author
    required property string receivedAt
    required property string reviewed
    // "" when the note may be sent; the page asks ReviewController.textProblem (the core's rule).
    readonly property alias note: noteField.text
    property string problem: root.note.trim().length >= 10 ? "" : qsTr("Write at least ten characters.")
    property bool canDecide: true

    signal decisionRequested(string changeId, string decision, string note)

    padding: Theme.margin
    Material.background: Theme.card

    ColumnLayout {
        width: parent.width
        spacing: 4
        Label { text: root.title; font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label { text: root.why; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label {
            text: qsTr("Written by %1 · arrived %2").arg(root.author).arg(root.receivedAt)
                  + (root.reviewed.length > 0 ? " · " + root.reviewed : "")
            color: Theme.muted
            font.pixelSize: Theme.smallFontSize
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextArea {
            id: noteField
            objectName: "noteField"
            visible: root.canDecide
            Layout.fillWidth: true
            placeholderText: qsTr("Your decision and why (kept in the audit log)")
            wrapMode: TextEdit.Wrap
            Accessible.name: qsTr("Note for the decision")
        }
        Label {
            objectName: "noteProblem"
            visible: root.canDecide && noteField.text.length > 0 && root.problem.length > 0
            text: root.problem
            color: Theme.bad
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            visible: root.canDecide
            Layout.fillWidth: true
            Button {
                objectName: "releaseButton"
                text: qsTr("Release")
                enabled: root.problem.length === 0
                highlighted: true
                onClicked: root.decisionRequested(root.changeId, "release", noteField.text)
            }
            Button {
                objectName: "keepHeldButton"
                text: qsTr("Keep held")
                enabled: root.problem.length === 0
                onClicked: root.decisionRequested(root.changeId, "keep_held", noteField.text)
            }
        }
    }
}
