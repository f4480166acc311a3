import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// The coordinator's first page: the team's volunteers and their vetting (DBS expiring within 30
// days flagged), referrals awaiting matching, the matches and their review dates, and a new match
// picked by name (the form shows the gates' answer before it is saved).
Page {
    id: root

    signal menuRequested()
    signal recordRequested(string recordType, string recordId)
    signal matchRequested()

    title: qsTr("Volunteers and matches")
    background: Rectangle { color: Theme.page }
    header: PageHeader { title: root.title; showMenu: true; onMenuRequested: root.menuRequested() }

    CoordinatorController { id: controller }

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

            Button {
                objectName: "newMatchButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch + 8
                highlighted: true
                text: qsTr("New match")
                onClicked: root.matchRequested()
            }
            RecordLinks { objectName: "awaiting"; heading: qsTr("Referrals awaiting matching"); records: controller.awaiting; Layout.fillWidth: true; onRecordRequested: (t, i) => root.recordRequested(t, i) }
            RecordLinks { objectName: "volunteers"; heading: qsTr("Volunteers"); records: controller.volunteers; Layout.fillWidth: true; onRecordRequested: (t, i) => { if (i.length > 0) root.recordRequested(t, i) } }
            RecordLinks { objectName: "coordinatorMatches"; heading: qsTr("Matches"); records: controller.matches; Layout.fillWidth: true; onRecordRequested: (t, i) => root.recordRequested(t, i) }
            Label {
                visible: controller.volunteers.length === 0 && controller.awaiting.length === 0 && controller.matches.length === 0
                text: qsTr("Nothing here yet: sync to fetch your team's volunteers and matches.")
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
