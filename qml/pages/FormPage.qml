import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// Any form, rendered from its definition: one delegate per field type, required markers, help,
// the validator's messages, the gate status before a contact is recorded, drafts kept as you type.
Page {
    id: root

    property alias recordType: controller.recordType
    property alias caseId: controller.caseId
    property alias personId: controller.personId
    property alias presets: controller.presets
    property alias recordId: controller.recordId
    readonly property FormController controller: controller

    signal done()
    signal formRequested(string recordType, string caseId, string personId, var presets)

    title: controller.editing ? qsTr("Edit: %1").arg(controller.title) : controller.title
    background: Rectangle { color: Theme.page }
    header: PageHeader { title: root.title; showBack: true; onBackRequested: root.done() }

    FormController {
        id: controller
        onSaved: {
            ErrorChannel.report(qsTr("Saved on this phone. It is sent at the next sync."), "info")
            root.done()
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 3 * Theme.margin
        clip: true

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            spacing: Theme.margin

            Label { visible: controller.description.length > 0; text: controller.description; color: Theme.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
            ClearanceBanner {
                objectName: "gateBanner"
                visible: controller.gateApplies
                Layout.fillWidth: true
                cleared: controller.gateCleared
                text: controller.gateText
            }
            FormPrompt {
                visible: controller.prompt.length > 0
                Layout.fillWidth: true
                text: controller.prompt
                onOpenRequested: root.formRequested("child_assessment", root.caseId, root.personId, { stage: "baseline" })
            }
            Repeater {
                model: controller.fields
                // The controller is handed over from here: a delegate sees only its own properties.
                delegate: FormFieldDelegate { Layout.fillWidth: true }
                onItemAdded: (index, item) => { item.controller = controller }
            }
            Label {
                objectName: "errorSummary"
                visible: controller.errorSummary.length > 0
                text: controller.errorSummary
                color: Theme.bad
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "saveButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch + 8
                highlighted: true
                text: controller.gateApplies && !controller.gateCleared ? qsTr("Save anyway…") : qsTr("Save")
                Accessible.name: qsTr("Save %1").arg(controller.title)
                onClicked: {
                    if (!controller.submit(false) && controller.errorSummary.length === 0 && !controller.gateCleared)
                        gateDialog.open()
                }
            }
            Label {
                visible: controller.hasDraft
                text: qsTr("Draft kept on this phone as you type.")
                color: Theme.muted
                font.pixelSize: Theme.smallFontSize
            }
        }
    }

    ConfirmDialog {
        id: gateDialog
        objectName: "gateDialog"
        title: controller.gateRefuses ? qsTr("The server will not accept this") : qsTr("Not cleared for contact")
        text: controller.gateText + "\n\n" + (controller.gateRefuses
              ? qsTr("Saved as it is, it stays on this phone as not accepted. Check the details first.")
              : qsTr("If this contact already happened, save it: it is kept and held for review by your practitioner and the safeguarding officer. Do not make further contact until you are cleared."))
        acceptText: qsTr("Save for review")
        onAccepted: controller.submit(true)
    }
}
