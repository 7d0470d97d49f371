//! `clientele book build` and `clientele book serve`.

use super::args::{BookArgs, BookCommand};
use clientele::book;

pub fn run(a: BookArgs) -> Result<(), String> {
    match a.command {
        BookCommand::Build(b) => {
            let built = book::build(&b.source, &b.out)?;
            println!(
                "Livre construit : {} pages dans « {} ».",
                built.pages,
                built.out.display()
            );
            println!(
                "Ouvrez {} dans un navigateur, ou lancez clientele book serve --out {}.",
                built.out.join("index.html").display(),
                b.out.display()
            );
            Ok(())
        }
        BookCommand::Serve(s) => {
            let server = book::serve::Server::bind(&s.out, s.port)?;
            println!(
                "Livre servi sur http://{}/ (cette machine seulement ; Ctrl+C pour arrêter).",
                server.local_addr()
            );
            server.run();
            Ok(())
        }
    }
}
