import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// One case: the person, whether contact is cleared (in plain words), what is due, the forms to
// fill in (the safeguarding report always), and the history.
Page {
    id: root

    property alias caseId: controller.caseId

    signal backRequested()
    signal formRequested(string recordType, string caseId, string personId)
    signal recordRequested(string recordType, string recordId)
    signal editRequested(string recordType, string recordId, string caseId, var presets)
    signal timelineRequested(string caseId)

    title: controller.personName
    background: Rectangle { color: Theme.page }
    header: PageHeader {
        title: root.title
        showBack: true
        onBackRequested: root.backRequested()
    }

    CaseController { id: controller }
    CaseRadarController { id: radar; caseId: controller.caseId }
    RecordController { id: caseRecord; recordType: "case"; recordId: controller.caseId }

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

            Label { visible: controller.details.length > 0; text: controller.details; color: Theme.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
            ClearanceBanner {
                objectName: "clearanceBanner"
                visible: controller.clearanceText.length > 0
                Layout.fillWidth: true
                cleared: controller.cleared
                text: controller.clearanceText
            }
            // Through the gate: a mentoring case's release timeline and rota.
            Button {
                objectName: "releaseTimelineButton"
                visible: controller.hasReleaseTimeline
                text: qsTr("Release timeline")
                icon.name: "view-calendar"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                onClicked: root.timelineRequested(controller.caseId)
            }
            Repeater {
                model: controller.dueItems
                delegate: Label {
                    objectName: "dueItem"
                    required property string modelData
                    text: "• " + modelData
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            Label { text: qsTr("Record"); font.bold: true; font.pixelSize: 17; Layout.topMargin: Theme.spacing }
            FormButtons {
                Layout.fillWidth: true
                forms: controller.forms
                onChosen: type => root.formRequested(type, controller.caseId, controller.personId)
            }
            Label {
                visible: radar.hasStart
                text: radar.hasExit ? qsTr("RADAR: start against exit") : qsTr("RADAR at the start")
                font.bold: true
                font.pixelSize: 17
                Layout.topMargin: Theme.spacing
            }
            RadarChart { objectName: "caseRadar"; visible: radar.hasStart; domains: radar.domains; Layout.fillWidth: true }
            MoveButtons {
                objectName: "caseMoves"
                Layout.fillWidth: true
                controller: caseRecord
                onFormRequested: presets => root.editRequested("case", controller.caseId, controller.caseId, presets)
            }
            RowLayout {
                visible: caseRecord.known
                Layout.fillWidth: true
                Button { text: qsTr("Case details"); flat: true; onClicked: root.recordRequested("case", controller.caseId) }
                Button {
                    objectName: "editCaseButton"
                    text: qsTr("Edit case")
                    flat: true
                    enabled: caseRecord.canEdit
                    onClicked: root.editRequested("case", controller.caseId, controller.caseId, {})
                }
            }
            RecordLinks { objectName: "matches"; heading: qsTr("Matches"); records: controller.matches; Layout.fillWidth: true; onRecordRequested: (t, i) => root.recordRequested(t, i) }
            RecordLinks { objectName: "relationships"; heading: qsTr("Relationships"); records: controller.relationships; Layout.fillWidth: true; onRecordRequested: (t, i) => root.recordRequested(t, i) }
            RecordLinks { objectName: "consents"; heading: qsTr("Consents"); records: controller.consents; Layout.fillWidth: true; onRecordRequested: (t, i) => root.recordRequested(t, i) }
            RecordLinks { objectName: "checks"; heading: qsTr("Protection checks"); records: controller.checks; Layout.fillWidth: true; onRecordRequested: (t, i) => root.recordRequested(t, i) }
            Label { text: qsTr("History"); font.bold: true; font.pixelSize: 17; Layout.topMargin: Theme.spacing }
            Label { visible: history.count === 0; text: qsTr("Nothing recorded yet."); color: Theme.muted }
            Repeater {
                id: history
                objectName: "historyList"
                model: controller.history
                delegate: HistoryDelegate {
                    Layout.fillWidth: true
                    onOpenRequested: (type, id) => root.recordRequested(type, id)
                }
            }
        }
    }
}
