import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// Break the glass: a safeguarding officer takes a case for four hours, for a reason the audit log
// keeps; the practitioner is told. Lists the grants made on this phone with the time they have left.
Pane {
    id: root

    property alias caseId: caseField.text
    property var grants: []
    // "" when the reason may be sent; the page binds it to ReviewController.textProblem (the core's rule).
    readonly property alias reason: reasonField.text
    property string problem: root.reason.trim().length >= 10 ? "" : qsTr("Write at least ten characters.")
    readonly property bool caseIdValid: /^[0-9a-f]{32}$/.test(caseField.text)

    signal grantRequested(string caseId, string reason)

    padding: Theme.margin
    Material.background: Theme.badSurface

    ColumnLayout {
        width: parent.width
        spacing: 4
        Label { text: qsTr("Break the glass"); font.bold: true }
        Label {
            text: qsTr("Opens a case you do not hold for four hours, as its practitioner sees it. Use it only when a child or adult may be at risk now.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        // The case comes from a report above ("Break the glass on this case"), never typed as an id.
        TextField {
            id: caseField
            objectName: "caseField"
            visible: false
        }
        Label {
            objectName: "chosenCase"
            text: root.caseIdValid ? qsTr("For the case of the report you chose above.")
                                   : qsTr("Choose a report above that names a case: “Break the glass on this case”.")
            font.bold: root.caseIdValid
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextArea {
            id: reasonField
            objectName: "reasonField"
            Layout.fillWidth: true
            placeholderText: qsTr("Why you need this case now")
            wrapMode: TextEdit.Wrap
            Accessible.name: qsTr("Reason")
        }
        Label {
            visible: reasonField.text.length > 0 && root.problem.length > 0
            text: root.problem
            color: Theme.bad
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "grantButton"
            text: qsTr("Open the case for 4 hours")
            enabled: root.caseIdValid && root.problem.length === 0
            onClicked: root.grantRequested(caseField.text, reasonField.text)
        }
        Repeater {
            model: root.grants
            delegate: Label {
                required property var modelData
                objectName: "grantLabel"
                text: qsTr("A case is open to you until %1 (%2)").arg(modelData.expiresAt).arg(modelData.timeLeft)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
