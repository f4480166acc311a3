import QtQuick
import QtTest
import Fieldbook

// The RADAR spider chart draws the start and exit polygons, and nothing without scores.
TestCase {
    id: root

    name: "RadarChart"
    width: 300
    height: 300
    visible: true
    when: windowShown

    Component {
        id: chartComponent
        RadarChart { width: 300; height: 300 }
    }

    function domains(start, exit) {
        const names = ["Family relationships", "Parenting and children", "Partner relationship",
                       "Communication", "Emotional wellbeing", "Practical needs"]
        return names.map(label => ({ "label": label, "start": start, "exit": exit }))
    }

    function test_drawsBothPolygons() {
        const chart = createTemporaryObject(chartComponent, root)
        chart.domains = domains(0, 0)
        waitForRendering(chart)
        const empty = grabImage(chart)
        chart.domains = domains(5, 3)
        waitForRendering(chart)
        const drawn = grabImage(chart)
        verify(!empty.equals(drawn))
        // Just inside the rim on the top spoke: the start polygon (score 5) reaches it, exit (3) does not.
        chart.domains = domains(0, 3)
        waitForRendering(chart)
        const exitOnly = grabImage(chart)
        verify(!exitOnly.equals(drawn))
        verify(!exitOnly.equals(empty))
    }

    function test_needsThreeDomains() {
        const chart = createTemporaryObject(chartComponent, root)
        chart.domains = [{ "label": "a", "start": 5, "exit": 5 }, { "label": "b", "start": 5, "exit": 5 }]
        waitForRendering(chart)
        const two = grabImage(chart)
        chart.domains = []
        waitForRendering(chart)
        verify(two.equals(grabImage(chart)))
    }
}
