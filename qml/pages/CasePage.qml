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

    title: controller.personName
    background: Rectangle { color: Theme.page }
    header: PageHeader {
        title: root.title
        showBack: true
        onBackRequested: root.backRequested()
    }

    CaseController { id: controller }

    ListView {
        id: history
        objectName: "historyList"
        anchors.fill: parent
        anchors.margins: Theme.margin
        clip: true
        spacing: Theme.spacing / 2
        model: controller.history
        Accessible.name: qsTr("History")

        header: ColumnLayout {
            width: history.width
            spacing: Theme.spacing

            Label { visible: controller.details.length > 0; text: controller.details; color: Theme.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
            ClearanceBanner {
                objectName: "clearanceBanner"
                Layout.fillWidth: true
                cleared: controller.cleared
                text: controller.clearanceText
            }
            Repeater {
                model: controller.dueItems
                delegate: Label {
                    required property string modelData
                    text: "• " + modelData
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            Label { text: qsTr("Record"); font.bold: true; font.pixelSize: 17; Layout.topMargin: Theme.spacing }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing / 2
                Repeater {
                    model: controller.forms
                    delegate: Button {
                        required property var modelData
                        readonly property bool safeguarding: modelData.recordType === "safeguarding_report"
                        objectName: "form_" + modelData.recordType
                        text: safeguarding ? "⚠ " + modelData.title : modelData.title
                        highlighted: modelData.contact
                        Material.background: safeguarding ? Theme.badSurface : undefined
                        Material.foreground: safeguarding ? Theme.bad : undefined
                        height: Theme.touch + 4
                        Accessible.name: modelData.title
                        onClicked: root.formRequested(modelData.recordType, controller.caseId, controller.personId)
                    }
                }
            }
            Label { text: qsTr("History"); font.bold: true; font.pixelSize: 17; Layout.topMargin: Theme.spacing }
            Label { visible: history.count === 0; text: qsTr("Nothing recorded yet."); color: Theme.muted }
        }

        delegate: HistoryDelegate { width: ListView.view.width }
    }
}
