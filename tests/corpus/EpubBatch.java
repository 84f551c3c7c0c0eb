// EpubBatch - run epubcheck's Java API over many EPUBs in one JVM, since
// starting epubcheck costs 1-2 s per file.  Prints each file's messages and
// one line per file: "OK file" or "BAD file errors=N warnings=N".
// Exit status: 0 when every file is clean.
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubBatch {
	public static void main(String[] args) {
		int bad = 0;
		for (String f : args) {
			DefaultReportImpl report = new DefaultReportImpl(f);
			new EpubCheck(new File(f), report).validate();
			int e = report.getErrorCount() + report.getFatalErrorCount();
			int w = report.getWarningCount();
			if (e + w == 0) {
				System.out.println("OK " + f);
			} else {
				bad++;
				System.out.println("BAD " + f + " errors=" + e + " warnings=" + w);
			}
		}
		System.exit(bad == 0 ? 0 : 1);
	}
}
