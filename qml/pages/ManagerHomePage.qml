import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// The manager's home: the month's figures from the server, the triage and decline bars, the
// RADAR's average start against exit, take-up by ethnicity against the population, a month
// picker, and the CSV and PDF saved for sharing. Counts only, nothing about anyone.
Page {
    id: root

    signal menuRequested()
    readonly property alias controller: report

    title: qsTr("Monthly report")
    background: Rectangle { color: Theme.page }

    ReportController { id: report; objectName: "reportController" }
    Component.onCompleted: report.reload()

    header: PageHeader {
        title: root.title
        showMenu: true
        onMenuRequested: root.menuRequested()
        ToolButton {
            text: "⟳"
            font.pixelSize: 22
            Layout.preferredWidth: Theme.touch
            Layout.preferredHeight: Theme.touch
            enabled: !report.loading
            Accessible.name: qsTr("Fetch the report again")
            onClicked: report.reload()
        }
    }

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

            RowLayout {
                Layout.fillWidth: true
                Button { text: "‹"; Accessible.name: qsTr("Previous month"); onClicked: report.previousMonth() }
                Label {
                    objectName: "monthLabel"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: report.monthTitle
                    font.pixelSize: 18
                    font.bold: true
                }
                Button { text: "›"; Accessible.name: qsTr("Next month"); onClicked: report.nextMonth() }
            }
            Label {
                visible: report.loading || report.message !== ""
                text: report.loading ? qsTr("Asking the server…") : report.message
                color: report.message !== "" ? Theme.bad : Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            GridLayout {
                objectName: "figures"
                columns: 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing / 2
                Layout.fillWidth: true
                Repeater {
                    model: report.figures
                    delegate: Pane {
                        id: figure
                        required property var modelData
                        Layout.fillWidth: true
                        Material.background: Theme.card
                        Material.elevation: 1
                        ColumnLayout {
                            Label { text: figure.modelData.value; font.pixelSize: Theme.fontSize(1.5); font.bold: true }
                            Label { text: figure.modelData.label; color: Theme.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        }
                    }
                }
            }
            Label { text: qsTr("Triage outcomes"); font.bold: true }
            BarChart { objectName: "triageBars"; bars: report.triageOutcomes; Layout.fillWidth: true }
            Label { text: qsTr("Decline reasons"); font.bold: true }
            BarChart { objectName: "declineBars"; bars: report.declineReasons; Layout.fillWidth: true }
            Label {
                text: qsTr("RADAR: average start against exit (%n case(s))", "", report.radarCases)
                font.bold: true
            }
            RadarChart { objectName: "radarChart"; domains: report.radar; Layout.fillWidth: true }
            RowLayout {
                spacing: Theme.spacing
                Label { text: "■ " + qsTr("Start"); color: Theme.accent }
                Label { text: "■ " + qsTr("Exit"); color: Theme.primary }
            }
            Label { text: qsTr("Take-up by ethnicity against the population"); font.bold: true }
            Repeater {
                model: report.takeUp
                delegate: Label {
                    required property var modelData
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: modelData.flagged ? Theme.bad : palette.text
                    text: qsTr("%1: %2 triaged, %3 accepted; take-up %4 % against %5 % of the population%6")
                          .arg(modelData.ethnicity).arg(modelData.triaged).arg(modelData.accepted)
                          .arg(modelData.takeUpPct.toFixed(1)).arg(modelData.populationPct.toFixed(1))
                          .arg(modelData.flagged ? qsTr(" — under 80 % of its share") : "")
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Button { text: qsTr("Save CSV"); enabled: !report.loading; onClicked: report.exportReport("csv") }
                Button { text: qsTr("Save PDF"); enabled: !report.loading; onClicked: report.exportReport("pdf") }
            }
            Label {
                visible: report.exportedPath !== ""
                text: qsTr("Saved: %1").arg(report.exportedPath)
                color: Theme.muted
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
        }
    }
}
