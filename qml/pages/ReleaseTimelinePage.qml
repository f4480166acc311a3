import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// Through the gate: a mentoring case's steps around the release day (referral, the meeting in
// prison, the gate meeting, the follow-ups after release) and, for intensive mentoring, the
// group's rota of daily calls with each day's state and whose day it is.
Page {
    id: root

    property alias caseId: controller.caseId
    property alias today: controller.today
    property alias minuteOfDay: controller.minuteOfDay
    readonly property alias controller: controller
    // Opened on the rota (an intensive case's group) rather than on the steps.
    property bool focusRota: false

    signal backRequested()

    title: controller.personName.length > 0 ? qsTr("%1: release").arg(controller.personName) : qsTr("Release timeline")
    background: Rectangle { color: Theme.page }
    header: PageHeader {
        title: root.title
        showBack: true
        onBackRequested: root.backRequested()
    }

    ReleaseTimelineController { id: controller }

    function toneOf(state) {
        switch (state) {
        case "done": case "called": return "good"
        case "due": return "warning"
        case "overdue": case "missed": case "uncovered": return "bad"
        default: return "muted"
        }
    }
    function stateText(state) {
        switch (state) {
        case "done": return qsTr("Done")
        case "due": return qsTr("Due")
        case "overdue": return qsTr("Overdue")
        case "planned": return qsTr("Planned")
        case "notyet": return qsTr("Not planned yet")
        case "called": return qsTr("Called")
        case "missed": return qsTr("Missed")
        case "uncovered": return qsTr("Nobody")
        default: return state
        }
    }

    // Each row with its state in words and its tone, so that a delegate needs nothing from the page.
    function withState(rows) {
        return rows.map(row => Object.assign({ stateText: root.stateText(row.state), tone: root.toneOf(row.state) }, row))
    }

    function showRota() {
        if (!focusRota || !controller.intensive)
            return
        flick.contentY = Math.max(0, Math.min(rotaColumn.y, flick.contentHeight - flick.height))
    }
    onFocusRotaChanged: rotaLater.restart()
    Component.onCompleted: rotaLater.restart()
    // Once the layout has settled (the rota's place is known only then).
    Timer { id: rotaLater; interval: 0; onTriggered: root.showRota() }

    Flickable {
        id: flick
        objectName: "timelineFlick"
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true

        onContentHeightChanged: rotaLater.restart()

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.spacing

            Label {
                objectName: "headline"
                text: controller.headline
                font.bold: true
                font.pixelSize: 17
                color: controller.weekend || !controller.hasReleaseDate ? Theme.warning : Theme.primary
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: controller.hasReleaseDate
                text: controller.cadence
                color: Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Repeater {
                objectName: "steps"
                model: root.withState(controller.steps)
                delegate: Rectangle {
                    id: stepCard
                    required property var modelData
                    objectName: "step_" + modelData.what
                    Layout.fillWidth: true
                    implicitHeight: stepColumn.implicitHeight + 2 * 10
                    radius: Theme.radius
                    color: Theme.card
                    border.width: modelData.mine && (modelData.state === "due" || modelData.state === "overdue") ? 2 : 0
                    border.color: modelData.state === "overdue" ? Theme.bad : Theme.warning
                    Accessible.role: Accessible.StaticText
                    Accessible.name: modelData.title + ": " + root.stateText(modelData.state) + ". " + modelData.sentence

                    ColumnLayout {
                        id: stepColumn
                        x: 12
                        y: 10
                        width: parent.width - 24
                        spacing: 4
                        RowLayout {
                            Layout.fillWidth: true
                            Label {
                                text: stepCard.modelData.title
                                font.bold: true
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            StatusChip {
                                objectName: "stepState"
                                Layout.alignment: Qt.AlignTop | Qt.AlignRight
                                text: stepCard.modelData.stateText
                                tone: stepCard.modelData.tone
                            }
                        }
                        Label {
                            text: stepCard.modelData.sentence
                            wrapMode: Text.Wrap
                            color: stepCard.modelData.late ? Theme.bad : palette.text
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: stepCard.modelData.date.length > 0 && stepCard.modelData.state !== "done"
                            text: qsTr("By %1").arg(stepCard.modelData.date) + (stepCard.modelData.mine ? qsTr(" · yours") : "")
                            color: Theme.muted
                            font.pixelSize: Theme.smallFontSize
                        }
                    }
                }
            }

            ColumnLayout {
                id: rotaColumn
                objectName: "rota"
                visible: controller.intensive
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                spacing: 8

                Label { text: qsTr("Intensive mentoring rota"); font.bold: true; font.pixelSize: 17 }
                Label { text: controller.rotaSummary; color: Theme.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
                Label {
                    objectName: "uncovered"
                    visible: controller.uncovered.length > 0
                    text: qsTr("Nobody calls on: %1").arg(controller.uncovered)
                    color: Theme.bad
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: controller.meetingText.length > 0
                    text: controller.meetingText
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Repeater {
                    objectName: "members"
                    model: controller.members
                    delegate: Label {
                        required property var modelData
                        text: modelData.name + " · " + modelData.days + (modelData.meeting ? qsTr(" · weekly meeting") : "")
                              + qsTr(" · %1 called, %2 missed").arg(modelData.called).arg(modelData.missed)
                        font.bold: modelData.you
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                Repeater {
                    objectName: "rotaDays"
                    model: root.withState(controller.rotaDays)
                    delegate: Rectangle {
                        id: dayRow
                        required property var modelData
                        objectName: "rotaDay_" + modelData.date
                        Layout.fillWidth: true
                        implicitHeight: Math.max(Theme.touch - 8, dayLayout.implicitHeight + 12)
                        radius: 8
                        color: modelData.today ? Theme.warningSurface : Theme.card
                        Accessible.role: Accessible.StaticText
                        Accessible.name: modelData.weekday + " " + modelData.date + ", " + modelData.callers + ": "
                                         + root.stateText(modelData.state)
                        RowLayout {
                            id: dayLayout
                            anchors.fill: parent
                            anchors.leftMargin: 12
                            anchors.rightMargin: 12
                            Label { text: dayRow.modelData.weekday; font.bold: dayRow.modelData.today; Layout.preferredWidth: 40 }
                            Label { text: dayRow.modelData.date.substring(5); color: Theme.muted; Layout.preferredWidth: 52 }
                            Label {
                                text: dayRow.modelData.callers
                                font.bold: dayRow.modelData.mine
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            StatusChip {
                                objectName: "dayState"
                                text: dayRow.modelData.stateText
                                tone: dayRow.modelData.tone
                            }
                        }
                    }
                }
            }
        }
    }
}
