//! ACLED's vocabulary, typed once: event types, sub-event types, interaction codes and the
//! movement statuses of the extraction contract. Each serialises as the exact string (or
//! number) ACLED's codebook and the contract use, so files written before these types
//! existed read the same.
//!
//! The category names are ACLED's (Armed Conflict Location & Event Data Project,
//! <https://acleddata.com>), used here to stay compatible with its exports.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A name that is not one of the vocabulary's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// What the vocabulary is ("event type", "sub-event type", …).
    pub what: &'static str,
    /// The name given.
    pub name: String,
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?}", self.what, self.name)
    }
}

impl std::error::Error for UnknownName {}

/// Defines a closed vocabulary: an enum whose variants serialise as fixed strings.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $what:literal, { $($(#[$vdoc:meta])* $v:ident => $s:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $v,)+
        }

        impl $name {
            /// Every value, in the codebook's order.
            pub const ALL: &'static [$name] = &[$($name::$v,)+];

            /// The name as written in exports and in the extraction contract.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$v => $s,)+
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownName;
            fn from_str(s: &str) -> Result<Self, UnknownName> {
                match s {
                    $($s => Ok($name::$v),)+
                    _ => Err(UnknownName { what: $what, name: s.to_string() }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}

vocabulary!(
    /// ACLED's six event types.
    EventType, "event type", {
        /// Battles.
        Battles => "Battles",
        /// Explosions/Remote violence.
        ExplosionsRemoteViolence => "Explosions/Remote violence",
        /// Violence against civilians.
        ViolenceAgainstCivilians => "Violence against civilians",
        /// Protests.
        Protests => "Protests",
        /// Riots.
        Riots => "Riots",
        /// Strategic developments.
        StrategicDevelopments => "Strategic developments",
    }
);

impl EventType {
    /// Organized political violence (battles, remote violence, violence against
    /// civilians), as against demonstrations and developments.
    pub fn is_violent(self) -> bool {
        matches!(
            self,
            EventType::Battles
                | EventType::ExplosionsRemoteViolence
                | EventType::ViolenceAgainstCivilians
        )
    }
}

vocabulary!(
    /// ACLED's 25 sub-event types.
    SubEventType, "sub-event type", {
        /// Battles: two organized armed groups fight.
        ArmedClash => "Armed clash",
        /// Battles: state forces retake territory.
        GovernmentRegainsTerritory => "Government regains territory",
        /// Battles: a non-state group takes territory.
        NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
        /// Remote violence: chemical weapons.
        ChemicalWeapon => "Chemical weapon",
        /// Remote violence: from the air.
        AirDroneStrike => "Air/drone strike",
        /// Remote violence: a suicide attack.
        SuicideBomb => "Suicide bomb",
        /// Remote violence: shelling, artillery, missiles.
        ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
        /// Remote violence: IEDs and mines.
        RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
        /// Remote violence: a grenade.
        Grenade => "Grenade",
        /// Violence against civilians: sexual violence.
        SexualViolence => "Sexual violence",
        /// Violence against civilians: an attack.
        Attack => "Attack",
        /// Violence against civilians: abduction or forced disappearance.
        AbductionForcedDisappearance => "Abduction/forced disappearance",
        /// Protests: peaceful.
        PeacefulProtest => "Peaceful protest",
        /// Protests: dispersed or met by force short of lethal.
        ProtestWithIntervention => "Protest with intervention",
        /// Protests: met with lethal or excessive force.
        ExcessiveForceAgainstProtesters => "Excessive force against protesters",
        /// Riots: a violent demonstration.
        ViolentDemonstration => "Violent demonstration",
        /// Riots: mob violence.
        MobViolence => "Mob violence",
        /// Strategic developments: an agreement.
        Agreement => "Agreement",
        /// Strategic developments: arrests.
        Arrests => "Arrests",
        /// Strategic developments: a group's change or activity.
        ChangeToGroupActivity => "Change to group/activity",
        /// Strategic developments: weapons seized or defused.
        DisruptedWeaponsUse => "Disrupted weapons use",
        /// Strategic developments: a base established.
        HeadquartersOrBaseEstablished => "Headquarters or base established",
        /// Strategic developments: looting or destruction of property.
        LootingPropertyDestruction => "Looting/property destruction",
        /// Strategic developments: territory handed over without fighting.
        NonViolentTransferOfTerritory => "Non-violent transfer of territory",
        /// Strategic developments: anything else of note (troop movements).
        Other => "Other",
    }
);

impl SubEventType {
    /// The event type the sub-event type belongs to.
    pub fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => {
                EventType::Battles
            }
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade => EventType::ExplosionsRemoteViolence,
            SexualViolence | Attack | AbductionForcedDisappearance => {
                EventType::ViolenceAgainstCivilians
            }
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                EventType::Protests
            }
            ViolentDemonstration | MobViolence => EventType::Riots,
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | Other => EventType::StrategicDevelopments,
        }
    }
}

vocabulary!(
    /// Where a movement of a unit or convoy stands (the extraction contract's `status`).
    MovementStatus, "movement status", {
        /// Left a place.
        Departed => "departed",
        /// Reached a place.
        Arrived => "arrived",
        /// Went through a place.
        Passed => "passed",
        /// Stopped at a place.
        Halted => "halted",
        /// Turned back.
        TurnedBack => "turned_back",
        /// Seen at a place.
        Located => "located",
    }
);

/// ACLED's interaction codes: the kind of an actor, written as a number in exports.
pub mod inter {
    /// State forces.
    pub const STATE_FORCES: u8 = 1;
    /// Rebel groups.
    pub const REBELS: u8 = 2;
    /// Political militias.
    pub const POLITICAL_MILITIA: u8 = 3;
    /// Identity (communal, ethnic) militias.
    pub const IDENTITY_MILITIA: u8 = 4;
    /// Rioters.
    pub const RIOTERS: u8 = 5;
    /// Protesters.
    pub const PROTESTERS: u8 = 6;
    /// Civilians.
    pub const CIVILIANS: u8 = 7;
    /// External or other forces (foreign troops, UN missions, private military companies).
    pub const EXTERNAL: u8 = 8;

    /// The name of an interaction code, `None` outside 1..=8.
    pub fn name(code: u8) -> Option<&'static str> {
        Some(match code {
            STATE_FORCES => "State forces",
            REBELS => "Rebel groups",
            POLITICAL_MILITIA => "Political militias",
            IDENTITY_MILITIA => "Identity militias",
            RIOTERS => "Rioters",
            PROTESTERS => "Protesters",
            CIVILIANS => "Civilians",
            EXTERNAL => "External/Other forces",
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_and_serialises_as_written() {
        for t in SubEventType::ALL {
            assert_eq!(t.as_str().parse::<SubEventType>(), Ok(*t));
            let j = serde_json::to_string(t).unwrap();
            assert_eq!(j, format!("{:?}", t.as_str()));
            assert_eq!(serde_json::from_str::<SubEventType>(&j).unwrap(), *t);
        }
        assert_eq!(SubEventType::ALL.len(), 25);
        assert_eq!(EventType::ALL.len(), 6);
        for s in MovementStatus::ALL {
            assert_eq!(s.as_str().parse::<MovementStatus>(), Ok(*s));
        }
        assert!("Battle".parse::<EventType>().is_err());
        assert!(serde_json::from_str::<MovementStatus>("\"stuck\"").is_err());
        // formatting flags apply, as they do to the strings these values replace
        assert_eq!(
            format!("[{:<10}]", MovementStatus::Departed),
            "[departed  ]"
        );
    }

    #[test]
    fn each_type_has_its_sub_types() {
        for t in EventType::ALL {
            assert!(
                SubEventType::ALL.iter().any(|s| s.event_type() == *t),
                "{t}"
            );
        }
        assert_eq!(SubEventType::MobViolence.event_type(), EventType::Riots);
        assert!(EventType::Battles.is_violent() && !EventType::Riots.is_violent());
    }

    #[test]
    fn interaction_codes_are_named() {
        assert_eq!(inter::name(inter::CIVILIANS), Some("Civilians"));
        assert_eq!(inter::name(9), None);
    }
}
