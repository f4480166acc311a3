import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// The safeguarding officer's home: the C1 inbox (urgent first), the held records to review
// (release or keep held, with a note), and break-the-glass with a reason and the time left.
// `inbox` and `held` are the live models unless a test gives lists with the same roles.
Page {
    id: root

    property var inbox: SafeguardingInboxModel { }
    property ReviewController review: ReviewController { }
    property var held: review.held

    signal menuRequested()
    signal caseRequested(string caseId)

    title: qsTr("Safeguarding")
    background: Rectangle { color: Theme.page }
    header: PageHeader { title: root.title; showMenu: true; onMenuRequested: root.menuRequested() }
    Component.onCompleted: review.refresh()

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

            Label {
                objectName: "inboxHeading"
                text: qsTr("Safeguarding reports (%1, %2 urgent)").arg(inboxList.count).arg(root.inbox.urgentCount || 0)
                font.bold: true
            }
            Repeater {
                id: inboxList
                objectName: "inboxList"
                model: root.inbox
                delegate: ItemDelegate {
                    id: report
                    required property string caseId
                    required property bool urgent
                    required property string urgency
                    required property string setting
                    required property string actionTaken
                    required property bool officerInformed
                    required property string raisedBy
                    required property string when
                    required property string summary
                    Layout.fillWidth: true
                    // Set from the page (onItemAdded): whether break the glass below holds this case.
                    property bool chosen: false
                    Material.background: report.urgent ? Theme.badSurface : Theme.card
                    Accessible.name: report.urgency + " · " + report.setting + " · " + report.when + ". " + report.summary
                    contentItem: ColumnLayout {
                        spacing: 2
                        Label { text: report.urgency + " · " + report.setting + " · " + report.when; font.bold: true; color: report.urgent ? Theme.bad : Theme.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        Label { text: report.summary; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        Label {
                            text: qsTr("Action: %1 · officer informed: %2 · raised by %3").arg(report.actionTaken)
                                  .arg(report.officerInformed ? qsTr("yes") : qsTr("no")).arg(report.raisedBy)
                            wrapMode: Text.Wrap; color: Theme.muted; font.pixelSize: Theme.smallFontSize; Layout.fillWidth: true
                        }
                        Button {
                            objectName: "breakGlassForReport"
                            visible: report.caseId.length > 0
                            flat: true
                            text: report.chosen ? qsTr("Chosen for break the glass below")
                                                : qsTr("Break the glass on this case…")
                            Accessible.name: qsTr("Break the glass on the case of this report")
                            onClicked: () => { breakGlass.caseId = report.caseId }
                        }
                    }
                    onClicked: () => { if (report.caseId.length > 0) root.caseRequested(report.caseId); else breakGlass.caseId = "" }
                }
                onItemAdded: (index, item) => { item.chosen = Qt.binding(() => breakGlass.caseId === item.caseId) }
            }

            RowLayout {
                Layout.fillWidth: true
                Label { objectName: "heldHeading"; text: qsTr("Held for review (%1)").arg(heldList.count); font.bold: true; Layout.fillWidth: true }
                Button { text: qsTr("Refresh"); flat: true; enabled: !root.review.busy; onClicked: root.review.refresh() }
            }
            Label {
                objectName: "reviewMessage"
                visible: root.review.message.length > 0
                text: root.review.message
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Repeater {
                id: heldList
                objectName: "heldList"
                model: root.held
                delegate: ReviewPanel {
                    Layout.fillWidth: true
                    onDecisionRequested: (changeId, decision, note) => root.review.decide(changeId, decision, note)
                }
                // The review's rules are bound from here (a delegate sees only its own properties).
                onItemAdded: (index, item) => {
                    item.canDecide = Qt.binding(() => root.review.mayDecide)
                    item.problem = Qt.binding(() => root.review.textProblem(item.note, "note"))
                }
            }

            BreakGlassPanel {
                id: breakGlass
                objectName: "breakGlass"
                visible: root.review.mayDecide
                Layout.fillWidth: true
                grants: root.review.grants
                problem: root.review.textProblem(breakGlass.reason, "reason")
                onGrantRequested: (caseId, reason) => root.review.breakGlass(caseId, reason)
            }
        }
    }
}
