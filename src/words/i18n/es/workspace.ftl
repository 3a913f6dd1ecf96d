### workspace: español latinoamericano neutro

ws-bad-url = No se entiende la dirección del espacio de trabajo ({ $detail }). Escríbala como postgres://usuario@servidor:5432/base.
ws-bad-sslmode = La dirección pide sslmode={ $value }, que no se conoce. Use disable, prefer (el predeterminado), require, verify-ca o verify-full. No se envió nada.
ws-root-cert = No se puede usar el certificado raíz { $path } (sslrootcert) ({ $detail }). No se envió nada.
ws-tls = No se aceptó el TLS del servidor del espacio de trabajo ({ $detail }). No se envió ni se cambió nada. Con verify-ca o verify-full, indique el certificado de la autoridad del servidor con sslrootcert=ARCHIVO, o añádalo a las raíces de confianza del sistema.
ws-offline = No se puede conectar con el servidor del espacio de trabajo ({ $detail }). No se cambió nada; vuelva a intentarlo cuando esté disponible.
ws-db = La base de datos del espacio de trabajo rechazó la solicitud: { $detail }. No se cambió nada.
ws-newer-schema = La base de datos del espacio de trabajo fue preparada por un Tokenwarden más nuevo (versión { $found }; este lee hasta la { $supported }). Instale el Tokenwarden más nuevo; no se cambió nada.
ws-not-initialised = Esta base de datos todavía no tiene un espacio de trabajo. Cree uno con: tokenwarden workspace init
ws-already-initialised = Esta base de datos ya tiene un espacio de trabajo. Únase con: tokenwarden workspace join
ws-already-joined = Este perfil ya está en un espacio de trabajo (tokenwarden workspace status). Use otra carpeta de perfil (--profile) para otro espacio de trabajo.
ws-profile-not-empty = Este perfil tiene canales o apps propios, que un espacio de trabajo ocultaría. Cree el espacio de trabajo o únase con una carpeta de perfil nueva (--profile CARPETA).
ws-locked = La dirección del espacio de trabajo se guarda en el almacén de secretos de este perfil, que no se pudo leer ({ $detail }). Defina TOKENWARDEN_VAULT_PASSPHRASE o TOKENWARDEN_WORKSPACE_URL, o ejecute un comando que pida la frase de contraseña.
ws-not-member = { $name } todavía no es miembro del espacio de trabajo. Entregue su clave pública (tokenwarden workspace status) a un renovador, quien lo agrega con: tokenwarden workspace invite
ws-viewer = { $name } es observador en este espacio de trabajo: los observadores ven el estado y el historial, y solo los renovadores leen tokens o cambian algo. No se cambió nada.
ws-not-sealed = Este token no está sellado para la clave de { $name }, así que no se puede abrir aquí. Pida a un renovador que lo invite de nuevo o que renueve el canal.
ws-conflict = { $by } cambió { $what } el { $at }, después de que usted lo leyó. Aquí no se guardó nada; revíselo de nuevo y vuelva a intentarlo si aún necesita el cambio.
ws-conflict-unknown = Otra persona cambió { $what } hace un momento. Aquí no se guardó nada; revíselo de nuevo y vuelva a intentarlo si aún necesita el cambio.
ws-member-exists = { $name } (o esa clave) ya es miembro; `tokenwarden workspace members` los muestra.
ws-no-such-member = Ningún miembro se llama { $name }; `tokenwarden workspace members` los muestra.
ws-last-renewer = No se puede quitar al último renovador: invite primero a otro renovador.
ws-bad-key = Esa no es una clave pública de age ({ $detail }). Empieza con age1 y la muestra `tokenwarden workspace join`.
ws-unreadable = { $count ->
    [one] Un token no está sellado
   *[other] { $count } tokens no están sellados
} para su clave, así que no se pueden sellar para los nuevos miembros. No se cambió nada; pida esto al renovador que los guardó.
ws-membership = El archivo del espacio de trabajo { $path } está dañado ({ $detail }). No se cambió nada.
ws-identity = Su clave del espacio de trabajo falta en el almacén de secretos de este perfil o está dañada ({ $detail }). Sin ella no se pueden abrir los tokens; únase de nuevo con un perfil nuevo y pida a un renovador que invite la nueva clave.
ws-offline-copy = Sin conexión: no se puede conectar con el servidor del espacio de trabajo. Esta es la copia del { $at }; los cambios se rechazan hasta que el servidor vuelva.
ws-locked-copy = No se consultó el servidor: la dirección del espacio de trabajo se guarda en la bóveda de este perfil y no se dio su frase de contraseña. Esta es la copia del { $at }. Defina TOKENWARDEN_VAULT_PASSPHRASE (o TOKENWARDEN_WORKSPACE_URL) para ver la del servidor.
ws-check-changed-meanwhile = { $count ->
    [one] Otra persona cambió un canal
   *[other] Otra persona cambió { $count } canales
} mientras se comprobaban (seguramente los renovó): los resultados eran del token anterior y no se guardaron. Vuelva a comprobarlos para ver el estado del token nuevo.
ws-url-prompt = Dirección del espacio de trabajo (postgres://…):
ws-url-missing = Indique la dirección del espacio de trabajo: como argumento, con --url-stdin o en TOKENWARDEN_WORKSPACE_URL (mejor si contiene una contraseña).
ws-url-password-in-argv = Esta dirección contiene una contraseña, y otros usuarios de esta computadora pueden leer una línea de comandos: no se hizo nada. Indique la dirección con --url-stdin o en TOKENWARDEN_WORKSPACE_URL, y cambie esa contraseña si la computadora es compartida.
ws-started = Espacio de trabajo creado. Usted, { $name }, es su primer renovador. Los demás se unen con `tokenwarden workspace join` y le envían la clave que muestra; usted los agrega con `tokenwarden workspace invite`.
ws-joined = Se unió como { $name }. Su clave pública es:
    { $key }
    Entréguela a un renovador del espacio de trabajo, quien lo agrega con:
    tokenwarden workspace invite { $name } --key { $key } --role renewer (o viewer)
ws-not-on-workspace = Este perfil no está en un espacio de trabajo. Cree uno con `tokenwarden workspace init` o únase a uno con `tokenwarden workspace join`.
ws-role-renewer = renovador
ws-role-viewer = observador
ws-team-title = Espacio de equipo
ws-team-server = Servidor: { $server }
ws-team-you = Usted es { $name }, { $role }.
ws-team-you-not-invited = Usted es { $name }, todavía sin ser miembro: alguien que renueva le invita con su clave pública (tokenwarden workspace status).
ws-team-members = Miembros
ws-team-member = { $name }: { $role }
ws-team-offline = No se puede conectar con el servidor: ahora no se sabe quiénes son los miembros.
ws-team-history = El historial de un canal nombra al miembro que hizo cada cambio.
ws-member-line = { $name } ({ $role }), agregado por { $by } el { $at }; clave { $key }
ws-member-line-you = { $name } ({ $role }, usted), agregado por { $by } el { $at }; clave { $key }
ws-unknown-role = "{ $role }" no es un rol: use renewer (lee y renueva tokens) o viewer (solo estado e historial).
ws-name-missing = Indique el nombre del miembro.
ws-invited = { $name } ahora es { $role } del espacio de trabajo. { $count ->
    [one] Se volvió a sellar un secreto
   *[other] Se volvieron a sellar { $count } secretos
} para los renovadores.
ws-remove-question = ¿Quitar a { $name } del espacio de trabajo? Todos los tokens se vuelven a sellar para los demás renovadores, y { $name } ya no podrá abrir ninguno.
ws-removed = { $name } ya no es miembro. { $count ->
    [one] Se volvió a sellar un secreto
   *[other] Se volvieron a sellar { $count } secretos
} para los renovadores que quedan.
ws-removed-renew = { $count ->
    [one] Podía leer el token de un canal; renuévelo para que lo que vio deje de funcionar:
   *[other] Podía leer los tokens de { $count } canales; renuévelos para que lo que vio deje de funcionar:
}
ws-status-offline = desconocido (no se puede conectar con el servidor)
ws-status-not-invited = todavía no es miembro (esperando la invitación de un renovador)
ws-status = Espacio de trabajo { $id }
    Miembro: { $name }, { $role }
    Clave pública: { $key }

## --help de los comandos de espacio de trabajo
help-workspace = Un espacio de trabajo de equipo en PostgreSQL: el catálogo compartido y los tokens sellados para sus renovadores
help-workspace-init = Crea un espacio de trabajo en una base de datos PostgreSQL vacía; usted es su primer renovador. Una dirección con contraseña se rechaza como argumento (otros usuarios de la computadora pueden leer una línea de comandos): defina TOKENWARDEN_WORKSPACE_URL o use --url-stdin
help-workspace-init-arg-url = postgres://usuario@servidor/base[?sslmode=…]: prefer (predeterminado: TLS cuando el servidor lo ofrece), require (TLS, sin comprobar el certificado salvo que se dé sslrootcert=ARCHIVO), verify-ca (certificado de una autoridad de confianza: sslrootcert=ARCHIVO o las raíces del sistema), verify-full (también el nombre del servidor), disable
help-workspace-init-arg-url-stdin = Leer la dirección de la entrada estándar
help-workspace-init-arg-name = Su nombre en el espacio de trabajo (predeterminado: su nombre de usuario)
help-workspace-join = Conecta este perfil (vacío) a un espacio de trabajo y muestra su clave pública, para que un renovador lo invite. La dirección se lee como en init
help-workspace-join-arg-url = postgres://usuario@servidor/base[?sslmode=…]: como en init
help-workspace-join-arg-url-stdin = Leer la dirección de la entrada estándar
help-workspace-join-arg-name = Su nombre en el espacio de trabajo (predeterminado: su nombre de usuario)
help-workspace-members = Los miembros, sus roles y quién los agregó
help-workspace-invite = Agrega un miembro con la clave pública que obtuvo de `workspace join` (solo renovadores). Un nuevo renovador puede leer todos los tokens de inmediato: se sellan para él en el mismo cambio
help-workspace-invite-arg-key = Su clave pública de age (age1…)
help-workspace-invite-arg-role = renewer (lee y renueva tokens) o viewer (solo estado e historial)
help-workspace-remove = Quita a un miembro (solo renovadores): todos los tokens se vuelven a sellar para los renovadores que quedan, y se listan los canales cuyos tokens podía leer, para renovarlos
help-workspace-remove-arg-yes = Quitar sin preguntar (necesario cuando no se ejecuta en una terminal)
help-workspace-status = En qué espacio de trabajo está este perfil, como quién, y si el servidor responde
help-workspace-import = Copia las apps y los canales de un perfil local a este espacio de trabajo (solo renovadores); cada token se sella para los renovadores del espacio de trabajo. El perfil local queda como está
help-workspace-import-arg-from = La carpeta del perfil local de la que se copia

## workspace import
ws-import-not-local = Ejecute esto en un perfil de espacio de trabajo, con --from indicando la carpeta de un perfil local (no uno de un espacio de trabajo).
ws-imported = Copiado al espacio de trabajo: { $channels ->
    [one] un canal
   *[other] { $channels } canales
} y { $apps ->
    [one] una app
   *[other] { $apps } apps
}, con los tokens sellados para sus renovadores. El perfil local no cambió.
ws-import-skipped = Se omitió: el espacio de trabajo ya tiene un canal como { $name } (mismo id o nombre).

## workspace export
help-workspace-export = Copia las apps, los canales y el historial de este espacio de trabajo a un perfil local nuevo (solo renovadores): cada token, token anterior y secreto de app se abre con su clave y se guarda en el almacén de secretos propio del perfil nuevo. El espacio de trabajo queda como está
help-workspace-export-arg-to = La carpeta del perfil nuevo: no debe existir todavía, o debe estar vacía
ws-export-not-workspace = Ejecute esto en un perfil de espacio de trabajo: copia el espacio de trabajo a un perfil local nuevo.
ws-export-not-empty = { $path } no está vacía, y una exportación nunca escribe sobre nada. No se escribió nada; indique una carpeta nueva (o vacía) con --to.
ws-exported = Exportado a { $path }: { $channels ->
    [one] un canal
   *[other] { $channels } canales
} y { $apps ->
    [one] una app
   *[other] { $apps } apps
}, con sus tokens, { $previous ->
    [0] ningún token anterior
    [one] un token anterior (para volver a él)
   *[other] { $previous } tokens anteriores (para volver a ellos)
} y { $lines ->
    [one] una línea de historial
   *[other] { $lines } líneas de historial
}. Los tokens se guardan en el almacén de secretos propio del perfil nuevo ({ $store }); el espacio de trabajo no cambió.
ws-exported-open = Ábralo con: tokenwarden --profile { $path } list
