import QtQuick
import QtTest
import Fieldbook

// The banner for new safeguarding work: hidden with nothing new, says how many without a name,
// and Open marks them seen and asks to go where they are.
TestCase {
    id: root

    name: "NoticeBanner"
    width: 390
    height: 200
    visible: true
    when: windowShown

    QtObject {
        id: fakeBoard
        property int count: 0
        property string text: count + " new safeguarding item(s)"
        property int dismissed: 0
        function dismiss() { dismissed += 1; count = 0 }
    }
    Component {
        id: bannerComponent
        NoticeBanner { width: 390; board: fakeBoard }
    }
    SignalSpy { id: openSpy; signalName: "openRequested" }

    function test_showsCountAndOpens() {
        fakeBoard.count = 0
        const banner = createTemporaryObject(bannerComponent, root)
        verify(!banner.visible)
        fakeBoard.count = 1
        verify(banner.visible)
        compare(findChild(banner, "noticeText").text, "⚠ 1 new safeguarding item(s)")
        openSpy.target = banner
        mouseClick(findChild(banner, "noticeOpen"))
        compare(openSpy.count, 1)
        compare(fakeBoard.dismissed, 1)
        verify(!banner.visible)
    }
}
