import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// One record: every answer under its form's label and in words, who recorded it and when, where
// it stands with the server, the answers of yours that lost to newer ones, Edit when the core lets
// you write it, and the pipeline moves the core offers from its state.
Page {
    id: root

    property alias recordType: record.recordType
    property alias recordId: record.recordId
    readonly property RecordController record: record

    signal backRequested()
    signal editRequested(string recordType, string recordId, string caseId, var presets)

    title: record.title
    background: Rectangle { color: Theme.page }
    header: PageHeader { title: root.title; showBack: true; onBackRequested: root.backRequested() }

    RecordController { id: record }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing

            Label { visible: !record.known; text: qsTr("This record is not on this phone."); color: Theme.muted }
            StatusChip {
                objectName: "recordStatus"
                visible: record.known
                text: record.status === "waiting" ? qsTr("Waiting to send") : record.status === "held" ? qsTr("Held for review")
                      : record.status === "refused" ? qsTr("Not accepted") : qsTr("Sent")
                tone: record.status === "synced" ? "good" : record.status === "waiting" ? "warning" : "bad"
            }
            Label { objectName: "statusText"; text: record.statusText; wrapMode: Text.Wrap; Layout.fillWidth: true; color: Theme.muted }
            Label { text: record.byText; visible: text.length > 0; Layout.fillWidth: true }
            Label { text: record.whenText; visible: text.length > 0; color: Theme.muted; Layout.fillWidth: true }
            Repeater {
                model: record.lostAnswers
                delegate: Label {
                    objectName: "lostAnswer"
                    required property string modelData
                    text: "⚠ " + modelData
                    color: Theme.bad
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            Button {
                visible: record.lostAnswers.length > 0
                flat: true
                text: qsTr("I have seen this")
                onClicked: record.dismissLostAnswers()
            }
            MoveButtons {
                Layout.fillWidth: true
                controller: record
                onFormRequested: presets => root.editRequested(record.recordType, record.recordId, record.caseId, presets)
            }
            Repeater {
                model: record.rows
                delegate: ColumnLayout {
                    id: answerRow
                    required property var modelData
                    objectName: "answerRow"
                    spacing: 0
                    Layout.fillWidth: true
                    Label { text: answerRow.modelData.label; color: Theme.muted; font.pixelSize: Theme.smallFontSize; Layout.fillWidth: true; wrapMode: Text.Wrap }
                    Label { text: answerRow.modelData.value; wrapMode: Text.Wrap; Layout.fillWidth: true }
                }
            }
            Button {
                objectName: "editButton"
                visible: record.editable
                enabled: record.canEdit
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch + 8
                text: qsTr("Edit")
                Accessible.name: qsTr("Edit %1").arg(record.title)
                onClicked: root.editRequested(record.recordType, record.recordId, record.caseId, {})
            }
            Label { visible: record.editable && !record.canEdit && record.editWhy.length > 0; text: record.editWhy; color: Theme.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
    }
}
