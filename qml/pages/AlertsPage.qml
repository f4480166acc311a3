import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// The alerts the server sent this person, newest first: records held back on their cases (why,
// and what to do next), releases, and break-the-glass on their cases. `model` is an
// AlertListModel unless a test gives another list with the same roles.
Page {
    id: root

    property var model: AlertListModel { }

    signal backRequested()

    title: qsTr("Alerts")
    background: Rectangle { color: Theme.page }
    header: PageHeader { title: root.title; showBack: true; onBackRequested: root.backRequested() }

    ListView {
        id: list
        objectName: "alertList"
        anchors.fill: parent
        anchors.margins: Theme.margin
        clip: true
        spacing: Theme.spacing / 2
        model: root.model
        Accessible.name: qsTr("Alerts")

        header: Label {
            objectName: "alertSummary"
            width: ListView.view.width
            bottomPadding: Theme.spacing
            wrapMode: Text.Wrap
            text: ListView.view.count === 0 ? qsTr("No alerts. Held records on your cases appear here.")
                                            : qsTr("%n alert(s)", "", ListView.view.count)
            color: Theme.muted
        }
        delegate: AlertCard { width: ListView.view.width }
    }
}
